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
import org.rectify.base.InvalidActionException;
import org.rectify.base.NotAllowedException;
import org.rectify.base.StaleDataException;
import org.rectify.base.Today;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingRepository;
import org.rectify.org.OrgService;
import org.rectify.org.Person;
import org.rectify.org.PersonRepository;
import org.rectify.org.Unit;
import org.rectify.org.UnitRepository;
import org.rectify.security.Actor;
import org.rectify.security.CurrentUser;
import org.springframework.stereotype.Service;
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

    @PersistenceContext
    private EntityManager em;

    public ProblemService(ProblemRepository problems, MeetingRepository meetings, CategoryRepository categories,
            PersonRepository people, UnitRepository units, MeasureEventRepository events, LedgerAccess access,
            CurrentUser currentUser, Today today, OrgService org) {
        this.org = org;
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

    /** One measure as the form holds it; {@code id} is empty for a new one. */
    public record MeasureDraft(Long id, Integer version, String content, Long leaderId, Long unitId, Long contactId,
                               MeasureType type, LocalDate deadline) {
    }

    /** A problem with its measures as the form holds it; {@code id} is empty for a new one. */
    public record ProblemDraft(Long id, Integer version, Long meetingId, ProblemScope scope, Long memberId,
                               ProblemSource source, Long categoryId, String description, String causeAnalysis,
                               List<MeasureDraft> measures) {
    }

    /**
     * A broken rule: {@code field} names the form field ("description", "measure.deadline", …), {@code index} the
     * measure (0-based) or -1 for the problem itself.
     */
    public record Violation(String field, int index, String messageKey, Object... args) {
    }

    /** The draft breaks rules; nothing was saved. */
    public static class InvalidDraftException extends InvalidActionException {
        private final List<Violation> violations;

        InvalidDraftException(List<Violation> violations) {
            super("problem.invalid", violations.size());
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** The choices of the problem form. */
    public record FormOptions(List<Meeting> meetings, List<Category> categories, List<Person> leaders,
                              List<Unit> units, List<Person> people) {
    }

    @Transactional(readOnly = true)
    public FormOptions formOptions() {
        requireOffice();
        return new FormOptions(meetings.findAllByOrderByHeldOnDesc(), categories.findAllByOrderBySortOrderAscNameAsc(),
                org.leaders(), org.unitsInTreeOrder(), org.people());
    }

    /** Every rule a draft must keep, checked without saving anything. */
    @Transactional(readOnly = true)
    public List<Violation> validate(ProblemDraft d) {
        requireOffice();
        List<Violation> v = new ArrayList<>();
        Meeting meeting = d.meetingId() == null ? null : meetings.findById(d.meetingId()).orElse(null);
        if (meeting == null) {
            v.add(new Violation("meeting", -1, "validation.requiredField"));
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
        if (d.categoryId() == null || categories.findById(d.categoryId()).isEmpty()) {
            v.add(new Violation("category", -1, "validation.requiredField"));
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
        }
        Unit unit = m.unitId() == null ? null : units.findById(m.unitId()).orElse(null);
        if (unit == null) {
            v.add(new Violation("measure.unit", i, "validation.requiredField"));
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
        String t = value == null ? "" : value.strip();
        if (required && t.isEmpty()) {
            v.add(new Violation(field, index, "validation.requiredField"));
        } else if (t.length() > max) {
            v.add(new Violation(field, index, "validation.tooLongField", max, t.length()));
        }
    }

    /** Creates the problem, numbered after the meeting's last one, with its measures. */
    public Problem create(ProblemDraft d) {
        Actor actor = check(d);
        Meeting meeting = meetings.findById(d.meetingId()).orElseThrow();
        // Two office users entering problems for the same meeting: the row lock makes their 序号 follow each other.
        em.lock(meeting, LockModeType.PESSIMISTIC_WRITE);
        Problem p = new Problem(meeting, problems.nextSeqNo(meeting.getId()), d.scope(), member(d), d.source(),
                categories.findById(d.categoryId()).orElseThrow(), d.description().strip());
        p.setCauseAnalysis(blankToNull(d.causeAnalysis()));
        for (MeasureDraft md : d.measures()) {
            p.addMeasure(newMeasure(md));
        }
        problems.save(p);
        for (Measure m : p.getMeasures()) {
            events.save(new MeasureEvent(m, EventKind.CREATED, today.now(), today.date(), actor, null)
                    .status(null, m.getStatus()));
        }
        return p;
    }

    /** Saves the office's edits; a measure left out of the draft is removed only if nothing happened to it yet. */
    public Problem update(ProblemDraft d) {
        Actor actor = check(d);
        Problem p = problems.findById(d.id()).orElseThrow(() -> new InvalidActionException("problem.notFound"));
        if (d.version() == null || p.getVersion() != d.version()) {
            throw new StaleDataException();
        }
        p.edit(d.scope(), member(d), d.source(), categories.findById(d.categoryId()).orElseThrow(),
                d.description().strip(), blankToNull(d.causeAnalysis()));
        Map<Long, Measure> existing = new HashMap<>();
        p.getMeasures().forEach(m -> existing.put(m.getId(), m));
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
            if (changes(m, md)) {
                m.edit(md.content().strip(), person(md.leaderId()), units.findById(md.unitId()).orElseThrow(),
                        person(md.contactId()), md.type(), md.deadline());
                events.save(new MeasureEvent(m, EventKind.EDITED, today.now(), today.date(), actor, null));
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
        return !Objects.equals(m.getContent(), d.content().strip())
                || !Objects.equals(m.getLeader().getId(), d.leaderId())
                || !Objects.equals(m.getUnit().getId(), d.unitId())
                || !Objects.equals(m.getContact() == null ? null : m.getContact().getId(), d.contactId())
                || m.getType() != d.type() || !Objects.equals(m.getDeadline(), d.deadline());
    }

    private Measure newMeasure(MeasureDraft md) {
        return new Measure(md.content().strip(), person(md.leaderId()), units.findById(md.unitId()).orElseThrow(),
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
        return s == null || s.isBlank() ? null : s.strip();
    }
}
