package org.rectify.ledger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.rectify.base.InvalidActionException;
import org.rectify.base.InvalidDraftException;
import org.rectify.base.Texts;
import org.rectify.base.Violation;
import org.rectify.base.NotAllowedException;
import org.rectify.base.StaleDataException;
import org.rectify.base.Today;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingRepository;
import org.rectify.meeting.MeetingStatus;
import org.rectify.org.OrgService;
import org.rectify.org.Person;
import org.rectify.org.PersonRepository;
import org.rectify.org.Unit;
import org.rectify.org.UnitRepository;
import org.rectify.security.Actor;
import org.rectify.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office enters problems (检视问题) with their measures (整改措施) and edits them later. All input rules live
 * here; the form shows what {@link #validate} finds next to the fields it concerns.
 */
@Service
@Transactional
public class ProblemService {

    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_CAUSE = 4000;
    static final int MAX_MEASURE = 2000;

    private final ProblemRepository problems;
    private final MeetingRepository meetings;
    private final CategoryRepository categories;
    private final PersonRepository people;
    private final UnitRepository units;
    private final MeasureEventRepository events;
    private final LedgerAccess access;
    private final CurrentUser currentUser;
    private final Today today;
    private final OrgService org;
    private final ApplicationEventPublisher publisher;

    @PersistenceContext
    private EntityManager em;

    public ProblemService(ProblemRepository problems, MeetingRepository meetings, CategoryRepository categories,
            PersonRepository people, UnitRepository units, MeasureEventRepository events, LedgerAccess access,
            CurrentUser currentUser, Today today, OrgService org, ApplicationEventPublisher publisher) {
        this.org = org;
        this.publisher = publisher;
        this.problems = problems;
        this.meetings = meetings;
        this.categories = categories;
        this.people = people;
        this.units = units;
        this.events = events;
        this.access = access;
        this.currentUser = currentUser;
        this.today = today;
    }

    /**
     * One measure as the form holds it; {@code id} is empty for a new one.
     *
     * @param deadlineReason why the office moves the deadline of an existing measure: required then, and shown on
     *                       the item like an extension's reason
     */
    public record MeasureDraft(Long id, Integer version, String content, Long leaderId, Long unitId, Long contactId,
                               MeasureType type, LocalDate deadline, String deadlineReason) {

        public MeasureDraft(Long id, Integer version, String content, Long leaderId, Long unitId, Long contactId,
                MeasureType type, LocalDate deadline) {
            this(id, version, content, leaderId, unitId, contactId, type, deadline, null);
        }
    }

    /** A problem with its measures as the form holds it; {@code id} is empty for a new one. */
    public record ProblemDraft(Long id, Integer version, Long meetingId, ProblemScope scope, Long memberId,
                               ProblemSource source, Long categoryId, String description, String causeAnalysis,
                               List<MeasureDraft> measures) {
    }

    /** The choices of the problem form. */
    public record FormOptions(List<Meeting> meetings, List<Category> categories, List<Person> leaders,
                              List<Unit> units, List<Person> people) {
    }

    @Transactional(readOnly = true)
    public FormOptions formOptions() {
        return formOptions(null);
    }

    /**
     * The choices of the problem form: active categories, units and people for new entries, plus, when editing,
     * those the draft already names even if disabled since (an old item keeps its unit).
     */
    @Transactional(readOnly = true)
    public FormOptions formOptions(ProblemDraft draft) {
        requireOffice();
        List<Category> cats = new ArrayList<>(categories.findAllByOrderBySortOrderAscNameAsc().stream()
                .filter(c -> c.isActive() || draft != null && c.getId().equals(draft.categoryId())).toList());
        java.util.Set<Long> unitIds = new java.util.HashSet<>();
        java.util.Set<Long> personIds = new java.util.HashSet<>();
        if (draft != null && draft.measures() != null) {
            draft.measures().forEach(m -> {
                unitIds.add(m.unitId());
                personIds.add(m.leaderId());
                personIds.add(m.contactId());
            });
            personIds.add(draft.memberId());
        }
        List<Unit> unitList = org.unitsInTreeOrder().stream()
                .filter(u -> u.isActive() || unitIds.contains(u.getId())).toList();
        List<Person> leaderList = new ArrayList<>(org.leaders());
        List<Person> peopleList = new ArrayList<>(org.people());
        for (Long id : personIds) {
            if (id != null && peopleList.stream().noneMatch(p -> p.getId().equals(id))) {
                people.findById(id).ifPresent(p -> {
                    p.getUnit().getName(); // the form shows it outside this transaction
                    peopleList.add(p);
                    if (p.isCommitteeMember()) {
                        leaderList.add(p);
                    }
                });
            }
        }
        return new FormOptions(meetings.findAllByOrderByHeldOnDesc(), cats, leaderList, unitList, peopleList);
    }

    /** Every rule a draft must keep, checked without saving anything. */
    @Transactional(readOnly = true)
    public List<Violation> validate(ProblemDraft d) {
        requireOffice();
        List<Violation> v = new ArrayList<>();
        Meeting meeting = d.meetingId() == null ? null : meetings.findById(d.meetingId()).orElse(null);
        if (meeting == null) {
            v.add(new Violation("meeting", -1, "validation.requiredField"));
        } else if (d.id() == null && meeting.getStatus() == MeetingStatus.COMPLETED) {
            v.add(new Violation("meeting", -1, "meeting.completed"));
        }
        if (d.scope() == null) {
            v.add(new Violation("scope", -1, "validation.requiredField"));
        } else if (d.scope() == ProblemScope.INDIVIDUAL) {
            Person member = d.memberId() == null ? null : people.findById(d.memberId()).orElse(null);
            if (member == null || !member.isCommitteeMember()) {
                v.add(new Violation("member", -1, "problem.memberRequired"));
            }
        }
        if (d.source() == null) {
            v.add(new Violation("source", -1, "validation.requiredField"));
        }
        Category category = d.categoryId() == null ? null : categories.findById(d.categoryId()).orElse(null);
        if (category == null) {
            v.add(new Violation("category", -1, "validation.requiredField"));
        } else if (!category.isActive() && d.id() == null) {
            v.add(new Violation("category", -1, "problem.categoryDisabled", category.getName()));
        }
        text(v, "description", -1, d.description(), true, MAX_DESCRIPTION);
        text(v, "causeAnalysis", -1, d.causeAnalysis(), false, MAX_CAUSE);
        if (d.measures() == null || d.measures().isEmpty()) {
            v.add(new Violation("measures", -1, "problem.measureRequired"));
            return v;
        }
        for (int i = 0; i < d.measures().size(); i++) {
            validateMeasure(v, i, d.measures().get(i), meeting);
        }
        return v;
    }

    private void validateMeasure(List<Violation> v, int i, MeasureDraft m, Meeting meeting) {
        text(v, "measure.content", i, m.content(), true, MAX_MEASURE);
        Person leader = m.leaderId() == null ? null : people.findById(m.leaderId()).orElse(null);
        if (leader == null || !leader.isCommitteeMember()) {
            v.add(new Violation("measure.leader", i, "measure.leaderRequired"));
        } else if (!leader.isActive() && m.id() == null) {
            v.add(new Violation("measure.leader", i, "measure.personInactive", leader.getName()));
        }
        Unit unit = m.unitId() == null ? null : units.findById(m.unitId()).orElse(null);
        if (unit == null) {
            v.add(new Violation("measure.unit", i, "validation.requiredField"));
        } else if (!unit.isActive() && m.id() == null) {
            v.add(new Violation("measure.unit", i, "measure.unitDisabled", unit.getName()));
        }
        if (m.contactId() != null) {
            Person contact = people.findById(m.contactId()).orElse(null);
            if (contact == null || unit != null && !contact.getUnit().getPath().startsWith(unit.getPath())) {
                v.add(new Violation("measure.contact", i, "measure.contactOutsideUnit"));
            }
        }
        if (m.type() == null) {
            v.add(new Violation("measure.type", i, "validation.requiredField"));
        } else if (m.type() != MeasureType.LONG_TERM && m.deadline() == null) {
            v.add(new Violation("measure.deadline", i, "measure.deadlineRequired"));
        }
        if (m.deadline() != null && meeting != null && m.deadline().isBefore(meeting.getHeldOn())) {
            v.add(new Violation("measure.deadline", i, "measure.deadlineBeforeMeeting", meeting.getHeldOn()));
        }
    }

    private static void text(List<Violation> v, String field, int index, String value, boolean required, int max) {
        Texts.check(v, field, index, value, required, max);
    }

    /**
     * Creates the problem, numbered after the meeting's last one, with its measures. Two office users entering
     * problems for the same meeting: the meeting's row lock makes them wait for each other, and reading committed
     * data after it (not the snapshot MySQL's repeatable read would keep) makes their 序号 follow each other.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Problem create(ProblemDraft d) {
        Actor actor = check(d);
        Meeting meeting = meetings.findById(d.meetingId()).orElseThrow();
        em.lock(meeting, LockModeType.PESSIMISTIC_WRITE);
        Problem p = new Problem(meeting, problems.nextSeqNo(meeting.getId()), d.scope(), member(d), d.source(),
                categories.findById(d.categoryId()).orElseThrow(), Texts.strip(d.description()));
        p.setCauseAnalysis(blankToNull(d.causeAnalysis()));
        for (MeasureDraft md : d.measures()) {
            p.addMeasure(newMeasure(md));
        }
        problems.save(p);
        for (Measure m : p.getMeasures()) {
            events.save(new MeasureEvent(m, EventKind.CREATED, today.now(), today.date(), actor, null)
                    .status(null, m.getStatus()));
        }
        publisher.publishEvent(new ProblemsCreated(meeting.getId(), List.of(p.getId())));
        return p;
    }

    /** Published after problems were entered or imported (not carried over): e.g. to look for recurring ones. */
    public record ProblemsCreated(long meetingId, List<Long> problemIds) {
    }

    /** One measure of an imported sheet: the draft, and its state as the sheet records it. */
    public record ImportedMeasure(MeasureDraft draft, MeasureStatus status, int progress, String progressNote,
                                  LocalDate lastProgressOn, LocalDate completedOn, LocalDate originalDeadline,
                                  String itemCode) {
    }

    /**
     * One problem of an imported sheet; {@code existingProblemId} when its measures are added to a problem already
     * in the ledger (a re-import with new rows).
     */
    public record ImportedProblem(Long existingProblemId, ProblemScope scope, Long memberId, ProblemSource source,
                                  Long categoryId, String description, String causeAnalysis,
                                  List<ImportedMeasure> measures) {

        public ProblemDraft draft(long meetingId) {
            return new ProblemDraft(null, null, meetingId, scope, memberId, source, categoryId, description,
                    causeAnalysis, measures.stream().map(ImportedMeasure::draft).toList());
        }
    }

    /**
     * Brings in the problems and measures of an existing ledger (an Excel sheet) in one transaction: the same
     * rules as the form, numbered after the meeting's last problem, each item recorded in the state the sheet
     * gives it, with a "建立台账" step on its timeline. {@code progress} hears how many problems are done. The caller
     * (the import) locks the meeting before it looks for rows already there; see {@link #create} on the isolation.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public List<Long> importProblems(long meetingId, List<ImportedProblem> rows, IntConsumer progress) {
        Actor actor = requireOffice();
        Meeting meeting = meetings.findById(meetingId)
                .orElseThrow(() -> new InvalidActionException("meeting.notFound"));
        em.lock(meeting, LockModeType.PESSIMISTIC_WRITE);
        List<Violation> violations = new ArrayList<>();
        for (ImportedProblem row : rows) {
            violations.addAll(validateForImport(row, meetingId));
        }
        if (!violations.isEmpty()) {
            throw new InvalidDraftException(violations);
        }
        int seq = problems.nextSeqNo(meetingId);
        List<Long> created = new ArrayList<>();
        int done = 0;
        for (ImportedProblem row : rows) {
            Problem p;
            if (row.existingProblemId() != null) {
                p = problems.findById(row.existingProblemId()).filter(x -> x.getMeeting().getId() == meetingId)
                        .orElseThrow(() -> new InvalidActionException("problem.notFound"));
            } else {
                p = new Problem(meeting, seq++, row.scope(), row.scope() == ProblemScope.INDIVIDUAL
                        ? person(row.memberId()) : null, row.source(),
                        categories.findById(row.categoryId()).orElseThrow(), Texts.strip(row.description()));
                p.setCauseAnalysis(blankToNull(row.causeAnalysis()));
            }
            List<Measure> added = new ArrayList<>();
            for (ImportedMeasure im : row.measures()) {
                Measure m = p.addMeasure(newMeasure(im.draft()));
                if (im.originalDeadline() != null && im.draft().deadline() != null
                        && im.originalDeadline().isBefore(im.draft().deadline())) {
                    // Extended before the import: the first deadline stays on record.
                    m.edit(m.getContent(), m.getLeader(), m.getUnit(), m.getContact(), m.getType(),
                            im.originalDeadline());
                    m.extendDeadline(im.draft().deadline());
                }
                m.importState(im.status(), im.progress(), Texts.orNull(im.progressNote()), im.lastProgressOn(),
                        im.completedOn());
                m.setItemCode(Texts.orNull(im.itemCode()));
                added.add(m);
            }
            if (p.getId() == null) {
                em.persist(p);
                created.add(p.getId());
            } else {
                em.flush();
            }
            for (Measure m : added) {
                events.save(new MeasureEvent(m, EventKind.CREATED, today.now(), today.date(), actor, null)
                        .status(null, m.getStatus()));
            }
            progress.accept(++done);
        }
        publisher.publishEvent(new ProblemsCreated(meetingId, created));
        return created;
    }

    /** The rules an imported problem must keep: all of them, or its measures' when added to an existing problem. */
    @Transactional(readOnly = true)
    public List<Violation> validateForImport(ImportedProblem row, long meetingId) {
        requireOffice();
        return row.existingProblemId() == null ? validate(row.draft(meetingId))
                : validateMeasures(row.draft(meetingId));
    }

    /** The rules of a draft's measures only, for measures added to a problem already in the ledger. */
    private List<Violation> validateMeasures(ProblemDraft d) {
        List<Violation> v = new ArrayList<>();
        Meeting meeting = meetings.findById(d.meetingId()).orElse(null);
        for (int i = 0; i < d.measures().size(); i++) {
            validateMeasure(v, i, d.measures().get(i), meeting);
        }
        return v;
    }

    /**
     * 上年度未整改到位: a new problem of {@code target} continuing an unfinished measure of an earlier meeting, with
     * one measure like the original (same text, owners and type) under the new deadline, its progress carried
     * along. The caller freezes the original ({@link RectificationService#markCarriedOver}) in the same transaction.
     */
    public Measure createCarriedOver(Meeting target, Measure original, LocalDate deadline) {
        Actor actor = requireOffice();
        em.lock(target, LockModeType.PESSIMISTIC_WRITE);
        Problem from = original.getProblem();
        Problem p = new Problem(target, problems.nextSeqNo(target.getId()), from.getScope(), from.getMember(),
                ProblemSource.CARRIED_OVER, from.getCategory(), from.getDescription());
        p.setCauseAnalysis(from.getCauseAnalysis());
        p.carriedFrom(original);
        LocalDate newDeadline = original.getType() == MeasureType.LONG_TERM ? null : deadline;
        Measure m = p.addMeasure(new Measure(original.getContent(), original.getLeader(), original.getUnit(),
                original.getContact(), original.getType(), newDeadline));
        boolean started = original.getStatus() != MeasureStatus.NOT_STARTED;
        m.importState(started ? MeasureStatus.IN_PROGRESS : MeasureStatus.NOT_STARTED, original.getProgress(),
                original.getProgressNote(), null, null);
        problems.save(p);
        events.save(new MeasureEvent(m, EventKind.CREATED, today.now(), today.date(), actor,
                from.getMeeting().getTitle() + " 第" + from.getSeqNo() + "项").status(null, m.getStatus()));
        return m;
    }

    /** What a hand-over moved: items as responsible leader and as contact. */
    public record HandOver(int asLeader, int asContact) {
        public int total() {
            return asLeader + asContact;
        }
    }

    /**
     * The open items of {@code fromPersonId} (as responsible leader or as contact) go to {@code toPersonId}, each
     * with a "责任人交接" step on its timeline. Refused when the successor cannot take them: a leader's items need
     * an active committee member, a contact's a person of the item's unit.
     */
    public HandOver handOver(long fromPersonId, long toPersonId) {
        Actor actor = requireOffice();
        Person from = people.findById(fromPersonId)
                .orElseThrow(() -> new InvalidActionException("person.notFound"));
        Person to = people.findById(toPersonId).orElseThrow(() -> new InvalidActionException("person.notFound"));
        if (from.getId().equals(to.getId()) || !to.isActive()) {
            throw new InvalidActionException("handover.badSuccessor", to.getName());
        }
        int asLeader = 0;
        int asContact = 0;
        for (Measure m : openItemsOf(fromPersonId)) {
            boolean leads = m.getLeader().getId().equals(fromPersonId);
            boolean contact = m.getContact() != null && m.getContact().getId().equals(fromPersonId);
            if (leads && !to.isCommitteeMember()) {
                throw new InvalidActionException("handover.successorNotLeader", to.getName());
            }
            if (contact && !to.getUnit().getPath().startsWith(m.getUnit().getPath())) {
                throw new InvalidActionException("handover.successorOutsideUnit", to.getName(),
                        m.getUnit().getName());
            }
            m.edit(m.getContent(), leads ? to : m.getLeader(), m.getUnit(), contact ? to : m.getContact(),
                    m.getType(), m.getDeadline());
            asLeader += leads ? 1 : 0;
            asContact += contact ? 1 : 0;
            events.save(new MeasureEvent(m, EventKind.HANDED_OVER, today.now(), today.date(), actor,
                    from.getName() + " → " + to.getName()));
        }
        return new HandOver(asLeader, asContact);
    }

    /** Open items where the person is the responsible leader or the contact. */
    @Transactional(readOnly = true)
    public List<Measure> openItemsOf(long personId) {
        requireOffice();
        return em.createQuery("""
                        select m from Measure m join fetch m.unit join fetch m.leader left join fetch m.contact
                        where (m.leader.id = :p or m.contact.id = :p) and m.status not in :ended
                        order by m.id""", Measure.class)
                .setParameter("p", personId)
                .setParameter("ended", List.of(MeasureStatus.CLOSED, MeasureStatus.CARRIED_OVER))
                .getResultList();
    }


    /** Saves the office's edits; a measure left out of the draft is removed only if nothing happened to it yet. */
    public Problem update(ProblemDraft d) {
        Actor actor = check(d);
        Problem p = problems.findById(d.id()).orElseThrow(() -> new InvalidActionException("problem.notFound"));
        if (d.version() == null || p.getVersion() != d.version()) {
            throw new StaleDataException();
        }
        Map<Long, Measure> existing = new HashMap<>();
        p.getMeasures().forEach(m -> existing.put(m.getId(), m));
        requireDeadlineReasons(d, existing);
        p.edit(d.scope(), member(d), d.source(), categories.findById(d.categoryId()).orElseThrow(),
                Texts.strip(d.description()), blankToNull(d.causeAnalysis()));
        List<Measure> added = new ArrayList<>();
        for (MeasureDraft md : d.measures()) {
            if (md.id() == null) {
                added.add(p.addMeasure(newMeasure(md)));
                continue;
            }
            Measure m = existing.remove(md.id());
            if (m == null) {
                throw new InvalidActionException("problem.measureNotOfProblem");
            }
            if (md.version() == null || m.getVersion() != md.version()) {
                throw new StaleDataException();
            }
            if (changes(m, md) && m.getStatus() == MeasureStatus.CARRIED_OVER) {
                throw new InvalidActionException("problem.measureFrozen", m.getSeqNo());
            }
            if (changes(m, md)) {
                LocalDate before = m.getDeadline();
                boolean moved = !Objects.equals(before, md.deadline());
                m.edit(Texts.strip(md.content()), person(md.leaderId()), units.findById(md.unitId()).orElseThrow(),
                        person(md.contactId()), md.type(), md.deadline());
                MeasureEvent event = new MeasureEvent(m, EventKind.EDITED, today.now(), today.date(), actor,
                        moved ? Texts.orNull(md.deadlineReason()) : null);
                if (moved) {
                    // Like an approved extension: the first deadline stays on record, the change on the timeline.
                    m.keepOriginalDeadline(before);
                    event.deadlines(before, md.deadline());
                }
                events.save(event);
            }
        }
        for (Measure removed : existing.values()) {
            if (removed.getStatus() != MeasureStatus.NOT_STARTED || removed.getLastProgressOn() != null
                    || events.findByMeasureIdOrderByHappenedAtDescIdDesc(removed.getId()).stream()
                    .anyMatch(e -> e.getKind() != EventKind.CREATED && e.getKind() != EventKind.EDITED)) {
                throw new InvalidActionException("problem.measureHasHistory", removed.getSeqNo());
            }
            events.deleteAll(events.findByMeasureIdOrderByHappenedAtDescIdDesc(removed.getId()));
            p.getMeasures().remove(removed);
        }
        problems.flush();
        for (Measure m : added) {
            events.save(new MeasureEvent(m, EventKind.CREATED, today.now(), today.date(), actor, null)
                    .status(null, m.getStatus()));
        }
        return p;
    }

    /** Moving the deadline of an existing measure needs a reason, as an extension does. */
    private static void requireDeadlineReasons(ProblemDraft d, Map<Long, Measure> existing) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < d.measures().size(); i++) {
            MeasureDraft md = d.measures().get(i);
            Measure m = md.id() == null ? null : existing.get(md.id());
            if (m == null || m.getDeadline() == null || Objects.equals(m.getDeadline(), md.deadline())) {
                continue;
            }
            String reason = Texts.orNull(md.deadlineReason());
            if (reason == null) {
                violations.add(new Violation("measure.deadlineReason", i, "measure.deadlineReasonRequired"));
            } else if (Texts.length(reason) > RectificationService.MAX_REASON) {
                violations.add(new Violation("measure.deadlineReason", i, "validation.tooLongField",
                        RectificationService.MAX_REASON, Texts.length(reason)));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidDraftException(violations);
        }
    }

    /** The draft of an existing problem, for the edit form. */
    @Transactional(readOnly = true)
    public ProblemDraft draftOf(long problemId) {
        requireOffice();
        Problem p = problems.findById(problemId).orElseThrow(() -> new InvalidActionException("problem.notFound"));
        List<MeasureDraft> ms = p.getMeasures().stream()
                .map(m -> new MeasureDraft(m.getId(), m.getVersion(), m.getContent(), m.getLeader().getId(),
                        m.getUnit().getId(), m.getContact() == null ? null : m.getContact().getId(), m.getType(),
                        m.getDeadline()))
                .toList();
        return new ProblemDraft(p.getId(), p.getVersion(), p.getMeeting().getId(), p.getScope(),
                p.getMember() == null ? null : p.getMember().getId(), p.getSource(), p.getCategory().getId(),
                p.getDescription(), p.getCauseAnalysis(), ms);
    }

    private static boolean changes(Measure m, MeasureDraft d) {
        return !Objects.equals(m.getContent(), Texts.strip(d.content()))
                || !Objects.equals(m.getLeader().getId(), d.leaderId())
                || !Objects.equals(m.getUnit().getId(), d.unitId())
                || !Objects.equals(m.getContact() == null ? null : m.getContact().getId(), d.contactId())
                || m.getType() != d.type() || !Objects.equals(m.getDeadline(), d.deadline());
    }

    private Measure newMeasure(MeasureDraft md) {
        return new Measure(Texts.strip(md.content()), person(md.leaderId()), units.findById(md.unitId()).orElseThrow(),
                person(md.contactId()), md.type(), md.deadline());
    }

    private Person member(ProblemDraft d) {
        return d.scope() == ProblemScope.INDIVIDUAL ? person(d.memberId()) : null;
    }

    private Person person(Long id) {
        return id == null ? null : people.findById(id).orElseThrow();
    }

    private Actor check(ProblemDraft d) {
        Actor actor = requireOffice();
        List<Violation> violations = validate(d);
        if (!violations.isEmpty()) {
            throw new InvalidDraftException(violations);
        }
        return actor;
    }

    private Actor requireOffice() {
        Actor actor = currentUser.require();
        if (!access.canVerify(actor)) {
            throw new NotAllowedException("access.officeOnly");
        }
        return actor;
    }

    private static String blankToNull(String s) {
        return Texts.orNull(s);
    }
}
