package org.rectify.ledger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.query.AuditEntity;
import org.rectify.base.InvalidActionException;
import org.rectify.base.RectifyProperties;
import org.rectify.base.domain.AuditRevision;
import org.rectify.security.Actor;
import org.rectify.security.CurrentUser;
import org.rectify.security.UserAccountRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened to a ledger item: the workflow timeline (with its evidence), the open extension request, and the
 * Envers revisions of the row itself. Readable by whoever may see the item.
 */
@Service
@Transactional(readOnly = true)
public class TimelineService {

    private final MeasureRepository measures;
    private final MeasureEventRepository events;
    private final EvidenceRepository evidence;
    private final ExtensionRequestRepository extensions;
    private final EvidenceStorage storage;
    private final LedgerAccess access;
    private final CurrentUser currentUser;
    private final UserAccountRepository accounts;
    private final ZoneId zone;

    @PersistenceContext
    private EntityManager em;

    public TimelineService(MeasureRepository measures, MeasureEventRepository events, EvidenceRepository evidence,
            ExtensionRequestRepository extensions, EvidenceStorage storage, LedgerAccess access,
            CurrentUser currentUser, RectifyProperties properties, UserAccountRepository accounts) {
        this.accounts = accounts;
        this.measures = measures;
        this.events = events;
        this.evidence = evidence;
        this.extensions = extensions;
        this.storage = storage;
        this.access = access;
        this.currentUser = currentUser;
        this.zone = properties.timeZone();
    }

    /** A timeline entry: the event and the files that came with it. */
    public record Entry(MeasureEvent event, List<Evidence> files) {
    }

    /**
     * One Envers revision of the ledger row: who (by name; {@code null} for the system), when, and each field that
     * changed from the previous one with its old and new value.
     */
    public record Revision(long number, LocalDateTime at, String username, String author, List<Change> changes) {

        /** The message keys of the changed fields. */
        public List<String> changedFields() {
            return changes.stream().map(Change::field).toList();
        }
    }

    /**
     * A field's change: its label's message key, the value before and after — text, a name, a date, a number, or a
     * {@link org.rectify.base.domain.Labelled} constant for the view to word; {@code null} for none.
     */
    public record Change(String field, Object before, Object after) {
    }

    /** Newest first. */
    public List<Entry> timeline(long measureId) {
        checkVisible(measureId);
        Map<Long, List<Evidence>> byEvent = evidence.findByMeasureIdOrderByUploadedAtDescIdDesc(measureId).stream()
                .filter(e -> e.getEvent() != null)
                .collect(Collectors.groupingBy(e -> e.getEvent().getId(), LinkedHashMap::new, Collectors.toList()));
        return events.findByMeasureIdOrderByHappenedAtDescIdDesc(measureId).stream()
                .map(e -> new Entry(e, byEvent.getOrDefault(e.getId(), List.of())))
                .toList();
    }

    public List<Evidence> evidence(long measureId) {
        checkVisible(measureId);
        return evidence.findByMeasureIdOrderByUploadedAtDescIdDesc(measureId);
    }

    public Optional<ExtensionRequest> pendingExtension(long measureId) {
        checkVisible(measureId);
        return extensions.findFirstByMeasureIdAndStatus(measureId, ExtensionRequest.Status.PENDING);
    }

    /** Envers' history of the row, newest first, each with its author's name and the fields that changed. */
    public List<Revision> revisions(long measureId) {
        checkVisible(measureId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(em).createQuery()
                .forRevisionsOfEntity(Measure.class, false, true)
                .add(AuditEntity.id().eq(measureId))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        Map<String, String> names = authors(rows.stream().map(r -> ((AuditRevision) r[1]).getUsername()).toList());
        List<Revision> revisions = new ArrayList<>();
        Measure previous = null;
        for (Object[] row : rows) {
            Measure state = (Measure) row[0];
            AuditRevision rev = (AuditRevision) row[1];
            revisions.add(new Revision(rev.getId(), LocalDateTime.ofInstant(rev.getInstant(), zone),
                    rev.getUsername(), names.get(rev.getUsername()), changes(previous, state)));
            previous = state;
        }
        java.util.Collections.reverse(revisions);
        return revisions;
    }

    /**
     * The names of the logins that wrote revisions: the account's display name (as the timeline names actors), the
     * login itself for an account since removed; none for the system.
     */
    private Map<String, String> authors(List<String> usernames) {
        Map<String, String> names = new java.util.HashMap<>();
        List<String> logins = usernames.stream().filter(u -> u != null && !SYSTEM.equals(u)).distinct().toList();
        if (!logins.isEmpty()) {
            accounts.findByUsernameIn(logins).forEach(a -> names.put(a.getUsername(), a.getDisplayName()));
            logins.forEach(u -> names.putIfAbsent(u, u));
        }
        return names;
    }

    /** The login Envers records for start-up and jobs (see {@link AuditRevision}). */
    private static final String SYSTEM = "system";

    /** The fields that differ between two states of a measure, with both values; people and units by name. */
    private static List<Change> changes(Measure before, Measure after) {
        List<Change> changed = new ArrayList<>();
        if (before == null) {
            return changed;
        }
        Map<String, Function<Measure, Object>> fields = new LinkedHashMap<>();
        fields.put("field.content", Measure::getContent);
        fields.put("field.leader", m -> m.getLeader() == null ? null : m.getLeader().getName());
        fields.put("field.unit", m -> m.getUnit() == null ? null : m.getUnit().getName());
        fields.put("field.contact", m -> m.getContact() == null ? null : m.getContact().getName());
        fields.put("field.type", Measure::getType);
        fields.put("field.deadline", Measure::getDeadline);
        fields.put("detail.originalDeadline", Measure::getOriginalDeadline);
        fields.put("field.status", Measure::getStatus);
        fields.put("field.progress", Measure::getProgress);
        fields.put("field.progressNote", Measure::getProgressNote);
        fields.put("field.completedOn", Measure::getCompletedOn);
        // People and units are compared by id: a renamed person is no change of the item.
        Map<String, Function<Measure, Object>> identity = Map.of(
                "field.leader", m -> m.getLeader() == null ? null : m.getLeader().getId(),
                "field.unit", m -> m.getUnit() == null ? null : m.getUnit().getId(),
                "field.contact", m -> m.getContact() == null ? null : m.getContact().getId());
        fields.forEach((key, value) -> {
            Function<Measure, Object> same = identity.getOrDefault(key, value);
            if (!Objects.equals(same.apply(before), same.apply(after))) {
                changed.add(new Change(key, value.apply(before), value.apply(after)));
            }
        });
        return changed;
    }

    /**
     * A file, for download by whoever may see its item; typed by its checked extension, whatever type an older
     * row recorded from the browser.
     */
    public record Download(String fileName, String contentType, long size, InputStream content) {
    }

    public Download download(long evidenceId) throws IOException {
        Evidence e = evidence.findById(evidenceId)
                .orElseThrow(() -> new InvalidActionException("evidence.notFound"));
        checkVisible(e.getMeasure().getId());
        return new Download(e.getFileName(), EvidenceStorage.contentType(e.getFileName()), e.getSizeBytes(),
                storage.open(e.getStorageKey()));
    }

    private void checkVisible(long measureId) {
        Actor actor = currentUser.require();
        Measure m = measures.findById(measureId)
                .orElseThrow(() -> new InvalidActionException("workflow.notFound", measureId));
        access.checkCanSee(actor, m);
    }
}
