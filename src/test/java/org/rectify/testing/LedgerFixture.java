package org.rectify.testing;

import static org.rectify.testing.TestConfig.TODAY;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rectify.ledger.Category;
import org.rectify.ledger.CategoryRepository;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.Problem;
import org.rectify.ledger.ProblemRepository;
import org.rectify.ledger.ProblemScope;
import org.rectify.ledger.ProblemSource;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingKind;
import org.rectify.meeting.MeetingRepository;
import org.rectify.org.Person;
import org.rectify.org.PersonRepository;
import org.rectify.org.Position;
import org.rectify.org.Unit;
import org.rectify.org.UnitKind;
import org.rectify.org.UnitRepository;
import org.rectify.security.Actor;
import org.rectify.security.Role;
import org.rectify.security.UserAccount;
import org.rectify.security.UserAccountRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A small ledger whose every row sits on an edge of the rules, relative to {@link TestConfig#TODAY}. Each measure's
 * text is its name (e.g. "M-OVERDUE") so that tests can say which rows they expect.
 *
 * <pre>
 * units: ROOT (党委) → A (部门甲) → A1 (支部甲一);  ROOT → B (部门乙)
 * this year's meeting (2025年度, held 2026-01-20):
 *   P1 思想 TEAM STUDY          M-DUE-TODAY (A, phased, due today), M-OVERDUE (A, due yesterday)
 *   P2 作风 INDIVIDUAL MASS     M-LONG-STALE (B, long-term, last report 31 days ago), M-LONG-FRESH (B, 30 days ago),
 *                               M-CLOSED-LATE (B, due -10, closed -3)
 *   P3 廉洁 TEAM AUDIT          M-DUE-SOON (A1, immediate, +3, not started), M-EXTENDED (A1, -5 extended to +30),
 *                               M-PENDING-OVERDUE (A, -2, closing requested), M-DUE-8 (B, +8),
 *                               M-CLOSED-ONTIME (A1, -20, closed -25)
 * last year's meeting (2024年度, held 2025-01-16):
 *   P4 思想 TEAM INSPECTION     M-LAST-CLOSED (B, closed), M-LAST-OVERDUE (A, due 2025-12-31)
 * </pre>
 */
public class LedgerFixture {

    public static final String ROOT = "T-ROOT";
    public static final String A = "T-A";
    public static final String A1 = "T-A1";
    public static final String B = "T-B";
    public static final String CURRENT_MEETING = "2025年度民主生活会（测试）";
    public static final String LAST_MEETING = "2024年度民主生活会（测试）";
    public static final String SECRETARY = "书记甲";
    public static final String MEMBER = "委员乙";
    public static final String CONTACT_A_PERSON = "联络员甲";

    @Autowired
    private UnitRepository units;
    @Autowired
    private PersonRepository people;
    @Autowired
    private MeetingRepository meetings;
    @Autowired
    private CategoryRepository categories;
    @Autowired
    private ProblemRepository problems;
    @Autowired
    private TransactionTemplate tx;
    @Autowired
    private UserAccountRepository accounts;
    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager em;

    private final Map<String, Long> ids = new LinkedHashMap<>();

    /** Creates the fixture once per database; later calls reuse it. */
    public synchronized LedgerFixture ensure() {
        if (!ids.isEmpty()) {
            return this;
        }
        tx.executeWithoutResult(s -> create());
        return this;
    }

    /** Logins of the fixture, one per role and scope. */
    public static final String OFFICE = "t-office";
    public static final String LEADER_SECRETARY = "t-leader";
    public static final String LEADER_MEMBER = "t-leader2";
    public static final String CONTACT_A = "t-contact-a";
    public static final String CONTACT_A1 = "t-contact-a1";
    public static final String CONTACT_B = "t-contact-b";
    public static final String PARTY_MEMBER = "t-member";

    private final Map<String, Actor> actors = new LinkedHashMap<>();

    public Actor actor(String login) {
        ensure();
        Actor a = actors.get(login);
        if (a == null) {
            throw new IllegalArgumentException("no fixture login " + login);
        }
        return a;
    }

    /** Logs the fixture login in for the current thread. */
    public Actor login(String login) {
        Actor a = actor(login);
        TestLogin.as(a);
        return a;
    }

    /** A seeded category's id by its name ("思想", "作风", …). */
    public long categoryId(String name) {
        return categories.findByName(name).orElseThrow().getId();
    }

    public long id(String name) {
        Long id = ids.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no fixture object " + name);
        }
        return id;
    }

    private void create() {
        Unit root = unit("测试党委", ROOT, UnitKind.COMMITTEE, null, 0);
        Unit a = unit("部门甲", A, UnitKind.DEPARTMENT, root, 10);
        Unit a1 = unit("支部甲一", A1, UnitKind.BRANCH, a, 10);
        Unit b = unit("部门乙", B, UnitKind.DEPARTMENT, root, 20);

        Person secretary = person(SECRETARY, "secretary@test.example.org", root, Position.SECRETARY, true);
        Person member = person(MEMBER, "member@test.example.org", root, Position.COMMITTEE_MEMBER, true);
        Person contactA = person(CONTACT_A_PERSON, "contact-a@test.example.org", a, Position.LIAISON, false);
        Person contactB = person("联络员乙", "contact-b@test.example.org", b, Position.LIAISON, false);

        login(OFFICE, "办公室", Role.OFFICE, null, null);
        login(LEADER_SECRETARY, "书记甲", Role.LEADER, secretary, null);
        login(LEADER_MEMBER, "委员乙", Role.LEADER, member, null);
        login(CONTACT_A, "联络员甲", Role.UNIT_CONTACT, contactA, a);
        login(CONTACT_A1, "支部联络员", Role.UNIT_CONTACT, null, a1);
        login(CONTACT_B, "联络员乙", Role.UNIT_CONTACT, contactB, b);
        login(PARTY_MEMBER, "党员丙", Role.MEMBER, null, null);

        Meeting current = meeting(CURRENT_MEETING, 2025, LocalDate.of(2026, 1, 20), root);
        Meeting last = meeting(LAST_MEETING, 2024, LocalDate.of(2025, 1, 16), root);

        Category thought = categories.findByName("思想").orElseThrow();
        Category style = categories.findByName("作风").orElseThrow();
        Category integrity = categories.findByName("廉洁").orElseThrow();

        Problem p1 = new Problem(current, 1, ProblemScope.TEAM, null, ProblemSource.STUDY, thought,
                "理论学习不够系统深入");
        measure(p1, "M-DUE-TODAY", secretary, a, contactA, MeasureType.PHASED, TODAY, s -> s
                .importState(MeasureStatus.IN_PROGRESS, 50, "推进中", TODAY.minusDays(3), null));
        measure(p1, "M-OVERDUE", secretary, a, contactA, MeasureType.PHASED, TODAY.minusDays(1), s -> s
                .importState(MeasureStatus.IN_PROGRESS, 20, "已制定方案", TODAY.minusDays(40), null));
        save(p1, "P1");

        Problem p2 = new Problem(current, 2, ProblemScope.INDIVIDUAL, member, ProblemSource.MASS_FEEDBACK, style,
                "调查研究不深入，群众满意率仅60%_需提升");
        measure(p2, "M-LONG-STALE", member, b, contactB, MeasureType.LONG_TERM, null, s -> s
                .importState(MeasureStatus.IN_PROGRESS, 40, "按月报送", TODAY.minusDays(31), null));
        measure(p2, "M-LONG-FRESH", member, b, contactB, MeasureType.LONG_TERM, null, s -> s
                .importState(MeasureStatus.IN_PROGRESS, 40, "按月报送", TODAY.minusDays(30), null));
        measure(p2, "M-CLOSED-LATE", member, b, contactB, MeasureType.PHASED, TODAY.minusDays(10), s -> {
            s.importState(MeasureStatus.CLOSED, 100, "已完成", TODAY.minusDays(4), TODAY.minusDays(3));
        });
        save(p2, "P2");

        Problem p3 = new Problem(current, 3, ProblemScope.TEAM, null, ProblemSource.AUDIT, integrity,
                "廉政风险排查不够全面");
        measure(p3, "M-DUE-SOON", secretary, a1, null, MeasureType.IMMEDIATE, TODAY.plusDays(3), s -> {
        });
        measure(p3, "M-EXTENDED", member, a1, null, MeasureType.PHASED, TODAY.minusDays(5), s -> {
            s.setImportedDeadline(TODAY.plusDays(30));
            s.importState(MeasureStatus.IN_PROGRESS, 60, "已获批延期", TODAY.minusDays(2), null);
        });
        measure(p3, "M-PENDING-OVERDUE", secretary, a, contactA, MeasureType.PHASED, TODAY.minusDays(2), s -> {
            s.importState(MeasureStatus.PENDING_CLOSE, 100, "申请销号", TODAY.minusDays(1), null);
        });
        measure(p3, "M-DUE-8", secretary, b, contactB, MeasureType.PHASED, TODAY.plusDays(8), s -> {
        });
        measure(p3, "M-CLOSED-ONTIME", secretary, a1, null, MeasureType.PHASED, TODAY.minusDays(20), s -> {
            s.importState(MeasureStatus.CLOSED, 100, "已完成", TODAY.minusDays(26), TODAY.minusDays(25));
        });
        save(p3, "P3");

        Problem p4 = new Problem(last, 1, ProblemScope.TEAM, null, ProblemSource.INSPECTION, thought,
                "上年度：中心组学习质量不高");
        measure(p4, "M-LAST-CLOSED", member, b, contactB, MeasureType.PHASED, LocalDate.of(2025, 6, 30), s -> {
            s.importState(MeasureStatus.CLOSED, 100, "已完成", LocalDate.of(2025, 6, 18), LocalDate.of(2025, 6, 20));
        });
        measure(p4, "M-LAST-OVERDUE", member, a, contactA, MeasureType.PHASED, LocalDate.of(2025, 12, 31), s -> s
                .importState(MeasureStatus.IN_PROGRESS, 30, "推进中", LocalDate.of(2025, 10, 1), null));
        save(p4, "P4");
        // The fixture's items were entered at their meeting: their silence counts from it (MeasureRules.silentSince).
        em.createNativeQuery("update measure set created_on = meeting_held_on").executeUpdate();
    }

    private int extraSeq = 100;

    /**
     * A new item for a test to change: a problem of this year's meeting with one measure in the given unit, led by
     * the given leader ({@link #SECRETARY} or {@link #MEMBER}). Returns the measure's id.
     */
    public long freshItem(String unitCode, String leaderName, MeasureType type, LocalDate deadline) {
        return freshItem(unitCode, leaderName, null, type, deadline, "测试措施");
    }

    /** As {@link #freshItem(String, String, MeasureType, LocalDate)}, with a contact person and the measure text. */
    public synchronized long freshItem(String unitCode, String leaderName, String contactName, MeasureType type,
            LocalDate deadline, String content) {
        ensure();
        return tx.execute(s -> {
            Meeting meeting = meetings.findById(id(CURRENT_MEETING)).orElseThrow();
            ++extraSeq;
            Problem p = new Problem(meeting, problems.nextSeqNo(meeting.getId()), ProblemScope.TEAM, null,
                    ProblemSource.RESEARCH,
                    categories.findByName("作风").orElseThrow(), "测试问题 " + extraSeq);
            Unit unit = units.findById(id(unitCode)).orElseThrow();
            Person leader = people.findById(id(leaderName)).orElseThrow();
            Person contact = contactName == null ? null : people.findById(id(contactName)).orElseThrow();
            Measure m = p.addMeasure(new Measure(content + " " + extraSeq, leader, unit, contact, type, deadline));
            problems.saveAndFlush(p);
            return m.getId();
        });
    }

    private Unit unit(String name, String code, UnitKind kind, Unit parent, int sort) {
        Unit u = units.saveAndFlush(new Unit(name, code, kind, parent, sort));
        u.updatePath();
        ids.put(code, u.getId());
        return u;
    }

    private void login(String username, String name, Role role, Person person, Unit unit) {
        UserAccount account = accounts.save(new UserAccount(username, "{noop}unused", name, role,
                role == Role.LEADER ? person : null, unit));
        actors.put(username, new Actor(account.getId(), username, name, role, person == null ? null : person.getId(),
                unit == null ? null : unit.getId()));
    }

    private Person person(String name, String email, Unit unit, Position position, boolean committee) {
        Person p = people.save(new Person(name, email, null, unit, position, committee));
        ids.put(name, p.getId());
        return p;
    }

    private Meeting meeting(String title, int year, LocalDate heldOn, Unit org) {
        Meeting m = new Meeting(title, MeetingKind.DEMOCRATIC_LIFE, org, year, heldOn, "测试主题");
        m.setFiledOn(heldOn.plusDays(10)); // filed in time: no filing reminder in the mail counts
        m = meetings.save(m);
        ids.put(title, m.getId());
        return m;
    }

    private final Map<String, Measure> pending = new LinkedHashMap<>();

    private void measure(Problem p, String name, Person leader, Unit unit, Person contact, MeasureType type,
            LocalDate deadline, java.util.function.Consumer<Measure> state) {
        Measure m = p.addMeasure(new Measure(name, leader, unit, contact, type, deadline));
        state.accept(m);
        pending.put(name, m);
    }

    private void save(Problem p, String name) {
        problems.saveAndFlush(p);
        ids.put(name, p.getId());
        pending.forEach((n, m) -> ids.put(n, m.getId()));
        pending.clear();
    }
}
