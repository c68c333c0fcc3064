package org.rectify.ledger;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.query.AuditEntity;
import org.rectify.base.InvalidActionException;
import org.rectify.base.MessageKey;
import org.rectify.base.NotAllowedException;
import org.rectify.base.StaleDataException;
import org.rectify.base.Texts;
import org.rectify.base.Today;
import org.rectify.security.Actor;
import org.rectify.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rectification workflow: every change of a ledger item's state goes through here. Each step checks who may
 * take it and in which state, refuses a stale version, applies the change and writes the timeline entry (and
 * Envers writes the revision) in one transaction.
 */
@Service
@Transactional
public class RectificationService {

    static final int MAX_TEXT = 2000;
    static final int MAX_REASON = 1000;
    static final int MAX_NAME = 50;

    private final MeasureRepository measures;
    private final MeasureEventRepository events;
    private final ExtensionRequestRepository extensions;
    private final EvidenceRepository evidence;
    private final EvidenceStorage storage;
    private final LedgerAccess access;
    private final CurrentUser currentUser;
    private final Today today;
    private final ApplicationEventPublisher publisher;

    @PersistenceContext
    private EntityManager em;

    public RectificationService(MeasureRepository measures, MeasureEventRepository events,
            ExtensionRequestRepository extensions, EvidenceRepository evidence, EvidenceStorage storage,
            LedgerAccess access, CurrentUser currentUser, Today today, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.measures = measures;
        this.events = events;
        this.extensions = extensions;
        this.evidence = evidence;
        this.storage = storage;
        this.access = access;
        this.currentUser = currentUser;
        this.today = today;
    }

    /** 报送整改进展: text, percentage and optional evidence; a new or returned item is in progress from then on. */
    public void reportProgress(long measureId, int version, String text, int percent,
            List<EvidenceStorage.StagedFile> files) {
        Actor actor = currentUser.require();
        Measure m = load(measureId, version, actor);
        requireReporter(actor, m);
        requireStatus(m, MeasureStatus.NOT_STARTED, MeasureStatus.IN_PROGRESS, MeasureStatus.RETURNED);
        String note = requireText(text, "field.progressNote", MAX_TEXT);
        if (percent < 0 || percent > 100) {
            throw new InvalidActionException("workflow.percentRange");
        }
        MeasureEvent event = record(m, actor, EventKind.PROGRESS, note,
                item -> item.recordProgress(today.date(), percent, note));
        event.progress(percent);
        attach(m, event, files, actor);
    }

    /** 申请销号: a completion statement with evidence; the office then verifies. Long-term items are never closed. */
    public void requestClosing(long measureId, int version, String statement,
            List<EvidenceStorage.StagedFile> files) {
        Actor actor = currentUser.require();
        Measure m = load(measureId, version, actor);
        requireReporter(actor, m);
        if (m.getType() == MeasureType.LONG_TERM) {
            throw new InvalidActionException("workflow.longTermNotClosed");
        }
        requireStatus(m, MeasureStatus.NOT_STARTED, MeasureStatus.IN_PROGRESS, MeasureStatus.RETURNED);
        String note = requireText(statement, "field.completionStatement", MAX_TEXT);
        if ((files == null || files.isEmpty()) && evidence.countByMeasureId(measureId) == 0) {
            throw new InvalidActionException("workflow.evidenceRequired");
        }
        MeasureEvent event = record(m, actor, EventKind.CLOSE_REQUESTED, note, item -> {
            item.recordProgress(today.date(), 100, note);
            item.moveTo(MeasureStatus.PENDING_CLOSE, null);
        });
        event.progress(100);
        attach(m, event, files, actor);
    }

    /** 销号: the office verifies an application and closes the item. */
    public void close(long measureId, int version, String note) {
        Actor actor = currentUser.require();
        Measure m = load(measureId, version, actor);
        requireOffice(actor);
        requireStatus(m, MeasureStatus.PENDING_CLOSE);
        record(m, actor, EventKind.CLOSED, optionalText(note, MAX_TEXT),
                item -> item.moveTo(MeasureStatus.CLOSED, today.date()));
        // A closed item needs no later deadline: an open extension request ends with it.
        extensions.findFirstByMeasureIdAndStatus(measureId, ExtensionRequest.Status.PENDING)
                .ifPresent(r -> r.decide(false, actor.displayName(), today.now(), "事项已销号，申请自动结束"));
    }

    /** 退回: the office sends an application back with a reason; the unit works on it again. */
    public void sendBack(long measureId, int version, String reason) {
        Actor actor = currentUser.require();
        Measure m = load(measureId, version, actor);
        requireOffice(actor);
        requireStatus(m, MeasureStatus.PENDING_CLOSE);
        String why = requireText(reason, "field.returnReason", MAX_REASON);
        // The application's 100 % was not accepted: the item shows its state before the application again.
        Object[] accepted = lastStateBeforeApplication(measureId);
        record(m, actor, EventKind.RETURNED, why, item -> {
            item.moveTo(MeasureStatus.RETURNED, null);
            item.revertProgress(accepted == null ? 0 : ((Number) accepted[0]).intValue(),
                    accepted == null ? null : (String) accepted[1]);
        });
    }

    /**
     * Progress and note of the item's last revision that was not an application for closing (a report, the import,
     * an earlier send-back): what stands once this application is refused. From the Envers history, so that an
     * imported item's progress counts as well as a reported one.
     */
    private Object[] lastStateBeforeApplication(long measureId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(em).createQuery()
                .forRevisionsOfEntity(Measure.class, true, true)
                .addProjection(AuditEntity.property("progress"))
                .addProjection(AuditEntity.property("progressNote"))
                .add(AuditEntity.id().eq(measureId))
                .add(AuditEntity.property("status").ne(MeasureStatus.PENDING_CLOSE))
                .addOrder(AuditEntity.revisionNumber().desc())
                .setMaxResults(1)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** 延期申请: a later deadline and the reason; one open request at a time. */
    public ExtensionRequest requestExtension(long measureId, int version, LocalDate newDeadline, String reason) {
        Actor actor = currentUser.require();
        Measure m = load(measureId, version, actor);
        requireReporter(actor, m);
        requireStatus(m, MeasureStatus.NOT_STARTED, MeasureStatus.IN_PROGRESS, MeasureStatus.RETURNED);
        if (m.getDeadline() == null) {
            throw new InvalidActionException("workflow.noDeadlineToExtend");
        }
        if (newDeadline == null || !newDeadline.isAfter(m.getDeadline())) {
            throw new InvalidActionException("workflow.extensionNotLater", m.getDeadline());
        }
        if (extensions.findFirstByMeasureIdAndStatus(measureId, ExtensionRequest.Status.PENDING).isPresent()) {
            throw new InvalidActionException("workflow.extensionPending");
        }
        String why = requireText(reason, "field.extensionReason", MAX_REASON);
        // The request changes no field of the item; bumping its version makes a simultaneous second request (or
        // any other step taken on the same version) fail instead of slipping past the "one open request" check.
        em.lock(m, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        MeasureEvent event = record(m, actor, EventKind.EXTENSION_REQUESTED, why, item -> {
        });
        event.deadlines(m.getDeadline(), newDeadline);
        return extensions.save(new ExtensionRequest(m, newDeadline, why, actor.displayName(), today.now()));
    }

    /** The office approves (the new deadline applies, the old stays on record) or refuses an extension. */
    public void decideExtension(long extensionId, int measureVersion, boolean approve, String note) {
        Actor actor = currentUser.require();
        ExtensionRequest request = extensions.findById(extensionId)
                .orElseThrow(() -> new InvalidActionException("workflow.extensionNotFound"));
        Measure m = load(request.getMeasure().getId(), measureVersion, actor);
        requireOffice(actor);
        if (request.getStatus() != ExtensionRequest.Status.PENDING) {
            throw new InvalidActionException("workflow.extensionDecided");
        }
        if (m.getStatus().isEnded()) {
            throw new InvalidActionException("workflow.closed");
        }
        em.lock(m, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        String text = approve ? optionalText(note, MAX_REASON) : requireText(note, "field.refusalReason",
                MAX_REASON);
        LocalDate before = m.getDeadline();
        MeasureEvent event = record(m, actor, approve ? EventKind.EXTENSION_APPROVED : EventKind.EXTENSION_REFUSED,
                text, item -> {
                    if (approve) {
                        item.extendDeadline(request.getRequestedDeadline());
                    }
                });
        event.deadlines(before, request.getRequestedDeadline());
        request.decide(approve, actor.displayName(), today.now(), text);
    }

    /** 督办: who urged, when and what; the office on any item, a leader on the items they lead. */
    public void urge(long measureId, int version, String urgedBy, LocalDate on, String message) {
        Actor actor = currentUser.require();
        Measure m = load(measureId, version, actor);
        if (!access.canUrge(actor, m)) {
            throw new NotAllowedException("access.cannotUrge");
        }
        if (m.getStatus().isEnded()) {
            throw new InvalidActionException("workflow.closed");
        }
        String who = requireText(urgedBy, "field.urgedBy", MAX_NAME);
        String text = requireText(message, "field.urgeMessage", MAX_TEXT);
        LocalDate day = on == null ? today.date() : on;
        if (day.isAfter(today.date())) {
            throw new InvalidActionException("workflow.dateInFuture");
        }
        MeasureEvent event = new MeasureEvent(m, EventKind.URGED, today.now(), day, actor, text).urgedBy(who);
        events.save(event);
        // An urging changes no field of the item, but it must still bump the version: a form opened before it
        // should not save over it unawares.
        em.lock(m, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    /**
     * 已转入下年度: an unfinished item continues as {@code continuation} in a later meeting's ledger. The original
     * is frozen here with its history, and refuses every further step. The office only.
     */
    public void markCarriedOver(long measureId, int version, Measure continuation) {
        Actor actor = currentUser.require();
        Measure m = load(measureId, version, actor);
        requireOffice(actor);
        if (m.getStatus().isEnded()) {
            throw new InvalidActionException("carryOver.notOpen", m.getStatus());
        }
        Problem target = continuation.getProblem();
        record(m, actor, EventKind.CARRIED_OVER, target.getMeeting().getTitle() + " 第" + target.getSeqNo() + "项",
                item -> item.moveTo(MeasureStatus.CARRIED_OVER, null));
        extensions.findFirstByMeasureIdAndStatus(measureId, ExtensionRequest.Status.PENDING)
                .ifPresent(r -> r.decide(false, actor.displayName(), today.now(), "事项已转入下年度，申请自动结束"));
    }

    /** Published for every workflow step, inside its transaction. */
    public record StepRecorded(long eventId, long measureId, EventKind kind) {
    }

    /**
     * The one place a state change happens: apply it, then write the timeline entry with the status before and
     * after, in the caller's transaction.
     */
    private MeasureEvent record(Measure m, Actor actor, EventKind kind, String note, Consumer<Measure> change) {
        MeasureStatus before = m.getStatus();
        change.accept(m);
        MeasureEvent event = new MeasureEvent(m, kind, today.now(), today.date(), actor, note)
                .status(before, m.getStatus());
        MeasureEvent saved = events.save(event);
        // Listeners (e.g. the mail outbox) act in this same transaction, so a rolled-back step notifies nobody.
        publisher.publishEvent(new StepRecorded(saved.getId(), m.getId(), kind));
        return saved;
    }

    private void attach(Measure m, MeasureEvent event, List<EvidenceStorage.StagedFile> files, Actor actor) {
        if (files == null) {
            return;
        }
        LocalDateTime now = today.now();
        for (EvidenceStorage.StagedFile file : files) {
            evidence.save(new Evidence(m, event, storage.store(file), actor.displayName(), now));
        }
    }

    /** Loads the item, refuses it outside the actor's scope, and refuses a version someone else has replaced. */
    private Measure load(long measureId, int version, Actor actor) {
        Measure m = measures.findById(measureId)
                .orElseThrow(() -> new InvalidActionException("workflow.notFound", measureId));
        access.checkCanSee(actor, m);
        if (m.getVersion() != version) {
            throw new StaleDataException();
        }
        return m;
    }

    private void requireReporter(Actor actor, Measure m) {
        if (!access.canReport(actor, m)) {
            throw new NotAllowedException("access.cannotReport");
        }
    }

    private void requireOffice(Actor actor) {
        if (!access.canVerify(actor)) {
            throw new NotAllowedException("access.officeOnly");
        }
    }

    private static void requireStatus(Measure m, MeasureStatus... allowed) {
        for (MeasureStatus s : allowed) {
            if (m.getStatus() == s) {
                return;
            }
        }
        throw new InvalidActionException("workflow.wrongStatus", m.getStatus());
    }

    /** Texts.strip, not String.strip: a note of only no-break or zero-width spaces is no note. */
    static String requireText(String text, String fieldKey, int max) {
        String t = Texts.strip(text);
        if (t.isEmpty()) {
            throw new InvalidActionException("validation.required", MessageKey.of(fieldKey));
        }
        if (Texts.length(t) > max) {
            throw new InvalidActionException("validation.tooLong", MessageKey.of(fieldKey), max);
        }
        return t;
    }

    static String optionalText(String text, int max) {
        String t = Texts.strip(text);
        if (Texts.length(t) > max) {
            throw new InvalidActionException("validation.tooLong", MessageKey.of("field.note"), max);
        }
        return t.isEmpty() ? null : t;
    }
}
