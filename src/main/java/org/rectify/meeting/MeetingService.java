package org.rectify.meeting;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rectify.base.InvalidActionException;
import org.rectify.base.InvalidDraftException;
import org.rectify.base.NotAllowedException;
import org.rectify.base.RectifyProperties;
import org.rectify.base.StaleDataException;
import org.rectify.base.Texts;
import org.rectify.base.Today;
import org.rectify.base.Violation;
import org.rectify.org.OrgService;
import org.rectify.org.Person;
import org.rectify.org.PersonRepository;
import org.rectify.org.Position;
import org.rectify.org.Unit;
import org.rectify.org.UnitRepository;
import org.rectify.security.Actor;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 会议: the office sets up each democratic or organizational life meeting — its facts, attendees, status and the
 * filing of its rectification list with the superior committee. Leaders may look; only the office changes.
 */
@Service
@Transactional
public class MeetingService {

    static final int MAX_TITLE = 200;
    static final int MAX_THEME = 500;
    static final int MAX_GUIDANCE = 200;
    static final int MAX_DUTIES = 2000;

    private final MeetingRepository meetings;
    private final UnitRepository units;
    private final PersonRepository people;
    private final OrgService org;
    private final CurrentUser currentUser;
    private final Today today;
    private final RectifyProperties properties;

    @PersistenceContext
    private EntityManager em;

    public MeetingService(MeetingRepository meetings, UnitRepository units, PersonRepository people, OrgService org,
            CurrentUser currentUser, Today today, RectifyProperties properties) {
        this.meetings = meetings;
        this.units = units;
        this.people = people;
        this.org = org;
        this.currentUser = currentUser;
        this.today = today;
        this.properties = properties;
    }

    public record AttendeeDraft(Long personId, Position position, String duties) {
    }

    /** The meeting form's values; {@code id} empty for a new meeting. */
    public record MeetingDraft(Long id, Integer version, String title, MeetingKind kind, Long organizationId,
                               Integer year, LocalDate heldOn, String theme, String guidanceGroup,
                               Integer opinionsCount, Integer criticismsCount, MeetingStatus status,
                               Integer filingDays, LocalDate filedOn, List<AttendeeDraft> attendees) {
    }

    /** A meeting in the list: its problems and measures (all, open), and whether its filing is late. */
    public record MeetingRow(Meeting meeting, long problems, long measures, long openMeasures,
                             boolean filingOverdue) {
    }

    /** Every meeting, the latest first, with its counts (two GROUP BY queries). */
    @Transactional(readOnly = true)
    public List<MeetingRow> overview() {
        requireViewer();
        Map<Long, long[]> counts = new HashMap<>();
        em.createQuery("select p.meeting.id, count(p) from Problem p group by p.meeting.id", Object[].class)
                .getResultList().forEach(r -> counts.computeIfAbsent((Long) r[0], k -> new long[3])[0] =
                        ((Number) r[1]).longValue());
        em.createQuery("""
                        select p.meeting.id, count(m),
                               sum(case when m.status not in ('CLOSED', 'CARRIED_OVER') then 1 else 0 end)
                        from Measure m join m.problem p group by p.meeting.id""", Object[].class)
                .getResultList().forEach(r -> {
                    long[] c = counts.computeIfAbsent((Long) r[0], k -> new long[3]);
                    c[1] = ((Number) r[1]).longValue();
                    c[2] = r[2] == null ? 0 : ((Number) r[2]).longValue();
                });
        LocalDate day = today.date();
        return meetings.findAllWithOrganizationByOrderByHeldOnDescIdDesc().stream().map(m -> {
            long[] c = counts.getOrDefault(m.getId(), new long[3]);
            return new MeetingRow(m, c[0], c[1], c[2], MeetingRules.isFilingOverdue(m, day));
        }).toList();
    }

    /** The meeting with its organization and attendees. */
    @Transactional(readOnly = true)
    public Meeting get(long id) {
        requireViewer();
        return meetings.findWithAttendeesById(id).orElseThrow(() -> new InvalidActionException("meeting.notFound"));
    }

    /** Earlier meetings of the same organization, the latest first. */
    @Transactional(readOnly = true)
    public List<Meeting> earlier(long meetingId) {
        requireViewer();
        Meeting m = meetings.findById(meetingId).orElseThrow(() -> new InvalidActionException("meeting.notFound"));
        return meetings.findEarlier(m.getOrganization().getId(), m.getId(), m.getHeldOn());
    }

    /** The meeting just before this one for the same organization, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<Meeting> previous(long meetingId) {
        return earlier(meetingId).stream().findFirst();
    }

    /** Meetings held but not filed past their filing day: the office's and the dashboard's alert. */
    @Transactional(readOnly = true)
    public List<Meeting> filingOverdue() {
        requireViewer();
        LocalDate day = today.date();
        return meetings.findUnfiled().stream().filter(m -> MeetingRules.isFilingOverdue(m, day)).toList();
    }

    public int defaultFilingDays() {
        return properties.filingDays();
    }

    /** A title in the usual wording: "机关党委2025年度民主生活会". */
    public static String suggestTitle(Unit organization, Integer year, String kindLabel) {
        return (organization == null ? "" : organization.getName()) + (year == null ? "" : year + "年度")
                + (kindLabel == null ? "" : kindLabel);
    }

    /** The choices of the meeting form: organizations (active units) and the people who may attend. */
    public record FormOptions(List<Unit> organizations, List<Person> people) {
    }

    @Transactional(readOnly = true)
    public FormOptions formOptions() {
        requireOffice();
        return new FormOptions(org.activeUnitsInTreeOrder(), org.people());
    }

    @Transactional(readOnly = true)
    public List<Violation> validate(MeetingDraft d) {
        requireOffice();
        List<Violation> v = new ArrayList<>();
        Texts.check(v, "title", -1, d.title(), true, MAX_TITLE);
        Texts.check(v, "theme", -1, d.theme(), false, MAX_THEME);
        Texts.check(v, "guidanceGroup", -1, d.guidanceGroup(), false, MAX_GUIDANCE);
        if (d.kind() == null) {
            v.add(new Violation("kind", "validation.requiredField"));
        }
        Unit organization = d.organizationId() == null ? null : units.findById(d.organizationId()).orElse(null);
        if (organization == null) {
            v.add(new Violation("organization", "validation.requiredField"));
        } else if (!organization.isActive() && d.id() == null) {
            v.add(new Violation("organization", "measure.unitDisabled", organization.getName()));
        }
        if (d.year() == null || d.year() < 2000 || d.year() > 2100) {
            v.add(new Violation("year", "meeting.yearRange"));
        }
        if (d.heldOn() == null) {
            v.add(new Violation("heldOn", "validation.requiredField"));
        }
        if (d.status() == null) {
            v.add(new Violation("status", "validation.requiredField"));
        } else if (d.status() != MeetingStatus.PREPARING && d.heldOn() != null
                && d.heldOn().isAfter(today.date())) {
            v.add(new Violation("status", "meeting.notHeldYet"));
        } else if (d.status() == MeetingStatus.COMPLETED && d.id() != null && openMeasures(d.id()) > 0) {
            v.add(new Violation("status", "meeting.openItems", openMeasures(d.id())));
        }
        count(v, "opinionsCount", d.opinionsCount());
        count(v, "criticismsCount", d.criticismsCount());
        if (d.filingDays() == null || d.filingDays() < 1 || d.filingDays() > 365) {
            v.add(new Violation("filingDays", "meeting.filingDaysRange"));
        }
        if (d.filedOn() != null && (d.heldOn() != null && d.filedOn().isBefore(d.heldOn())
                || d.filedOn().isAfter(today.date()))) {
            v.add(new Violation("filedOn", "meeting.filedOnRange"));
        }
        Set<Long> seen = new HashSet<>();
        List<AttendeeDraft> attendees = d.attendees() == null ? List.of() : d.attendees();
        for (int i = 0; i < attendees.size(); i++) {
            AttendeeDraft a = attendees.get(i);
            if (a.personId() == null || people.findById(a.personId()).isEmpty()) {
                v.add(new Violation("attendee.person", i, "validation.requiredField"));
            } else if (!seen.add(a.personId())) {
                v.add(new Violation("attendee.person", i, "meeting.attendeeTwice"));
            }
            if (a.position() == null) {
                v.add(new Violation("attendee.position", i, "validation.requiredField"));
            }
            Texts.check(v, "attendee.duties", i, a.duties(), false, MAX_DUTIES);
        }
        return v;
    }

    private static void count(List<Violation> v, String field, Integer n) {
        if (n != null && n < 0) {
            v.add(new Violation(field, "meeting.countNegative"));
        }
    }

    private long openMeasures(long meetingId) {
        return em.createQuery("""
                        select count(m) from Measure m where m.problem.meeting.id = :id
                        and m.status not in ('CLOSED', 'CARRIED_OVER')""", Long.class)
                .setParameter("id", meetingId).getSingleResult();
    }

    public Meeting save(MeetingDraft d) {
        requireOffice();
        List<Violation> v = validate(d);
        if (!v.isEmpty()) {
            throw new InvalidDraftException(v);
        }
        Meeting m;
        Unit organization = units.findById(d.organizationId()).orElseThrow();
        if (d.id() == null) {
            m = new Meeting(Texts.strip(d.title()), d.kind(), organization, d.year(), d.heldOn(),
                    Texts.orNull(d.theme()));
        } else {
            m = meetings.findById(d.id()).orElseThrow(() -> new InvalidActionException("meeting.notFound"));
            if (d.version() == null || m.getVersion() != d.version()) {
                throw new StaleDataException();
            }
            if (!m.getHeldOn().equals(d.heldOn()) && hasDeadlineBefore(m.getId(), d.heldOn())) {
                throw new InvalidActionException("meeting.heldAfterDeadlines");
            }
            // Carry-over and recurring problems are found within one organization: its meetings keep it.
            if (!m.getOrganization().getId().equals(organization.getId()) && hasProblems(m.getId())) {
                throw new InvalidActionException("meeting.orgLocked");
            }
        }
        boolean moved = m.getId() != null && !m.getHeldOn().equals(d.heldOn());
        m.edit(Texts.strip(d.title()), d.kind(), organization, d.year(), d.heldOn(), Texts.orNull(d.theme()),
                Texts.orNull(d.guidanceGroup()), nz(d.opinionsCount()), nz(d.criticismsCount()), d.filingDays());
        if (moved) {
            // The ledger's sort key on each measure (V7) follows the meeting's date.
            em.createQuery("update Measure x set x.meetingHeldOn = :day where x.meetingId = :id")
                    .setParameter("day", d.heldOn()).setParameter("id", m.getId()).executeUpdate();
        }
        m.setStatus(d.status());
        m.setFiledOn(d.filedOn());
        m.setAttendance((d.attendees() == null ? List.<AttendeeDraft>of() : d.attendees()).stream()
                .map(a -> new Meeting.Attendance(people.findById(a.personId()).orElseThrow(), a.position(),
                        Texts.orNull(a.duties())))
                .toList());
        return meetings.save(m);
    }

    private boolean hasProblems(long meetingId) {
        return em.createQuery("select count(p) from Problem p where p.meeting.id = :id", Long.class)
                .setParameter("id", meetingId).getSingleResult() > 0;
    }

    /** Moving the meeting date after a measure's deadline would make that deadline invalid. */
    private boolean hasDeadlineBefore(long meetingId, LocalDate heldOn) {
        return em.createQuery("""
                        select count(m) from Measure m where m.problem.meeting.id = :id and m.deadline < :day""",
                        Long.class)
                .setParameter("id", meetingId).setParameter("day", heldOn).getSingleResult() > 0;
    }

    /** 报备案: records the day the rectification list was filed with the superior committee. */
    public Meeting markFiled(long id, int version, LocalDate on) {
        requireOffice();
        Meeting m = meetings.findById(id).orElseThrow(() -> new InvalidActionException("meeting.notFound"));
        if (m.getVersion() != version) {
            throw new StaleDataException();
        }
        LocalDate day = on == null ? today.date() : on;
        if (day.isBefore(m.getHeldOn()) || day.isAfter(today.date())) {
            throw new InvalidActionException("meeting.filedOnRange");
        }
        m.setFiledOn(day);
        return m;
    }

    private static int nz(Integer n) {
        return n == null ? 0 : n;
    }

    private Actor requireOffice() {
        Actor actor = currentUser.require();
        if (!actor.is(Role.OFFICE)) {
            throw new NotAllowedException("access.officeOnly");
        }
        return actor;
    }

    private Actor requireViewer() {
        Actor actor = currentUser.require();
        if (!actor.is(Role.OFFICE) && !actor.is(Role.LEADER)) {
            throw new NotAllowedException("access.officeOrLeader");
        }
        return actor;
    }
}
