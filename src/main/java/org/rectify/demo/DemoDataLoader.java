package org.rectify.demo;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rectify.base.Today;
import org.rectify.disclosure.DisclosureItem;
import org.rectify.disclosure.DisclosureRepository;
import org.rectify.disclosure.DisclosureService;
import org.rectify.ledger.Category;
import org.rectify.ledger.CategoryRepository;
import org.rectify.ledger.EventKind;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureEvent;
import org.rectify.ledger.MeasureEventRepository;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.Problem;
import org.rectify.ledger.ProblemRepository;
import org.rectify.ledger.ProblemScope;
import org.rectify.ledger.ProblemSource;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingKind;
import org.rectify.meeting.MeetingRepository;
import org.rectify.meeting.MeetingStatus;
import org.rectify.org.Person;
import org.rectify.org.PersonRepository;
import org.rectify.org.Position;
import org.rectify.org.Unit;
import org.rectify.org.UnitKind;
import org.rectify.org.UnitRepository;
import org.rectify.security.Role;
import org.rectify.security.UserAccount;
import org.rectify.security.UserAccountRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A believable organization for the demo: a bureau's party committee with its departments and branches, last
 * year's and this year's democratic life meetings and their ledgers. Dates are relative to today, so the demo
 * always shows a realistic mix of closed, in-progress, overdue, due-soon and long-term items. Loaded once, only
 * into an empty database, only where {@code rectify.demo-data=true} (the default profile).
 */
@Component
@ConditionalOnProperty(name = "rectify.demo-data", havingValue = "true")
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String MAIL_DOMAIN = "@jtj.example.org";
    /** 岗位职责 of the committee members, for the meetings' 岗位职责清单. */
    private static final Map<String, String> DUTIES = Map.of(
            "王建国", "主持党委全面工作，履行全面从严治党第一责任人职责",
            "李明华", "协助书记抓党建工作，分管组织人事、机关党建",
            "张卫东", "分管综合规划、财务审计",
            "刘晓燕", "分管宣传思想、精神文明建设和工会、共青团工作",
            "陈志强", "分管安全监管、应急管理",
            "杨帆", "分管执法监督、法制工作",
            "赵立新", "分管纪检监察、党风廉政建设");
    /** The demo logins' password (README.md lists the logins). */
    public static final String DEMO_PASSWORD = "demo1234";

    private final UnitRepository units;
    private final PersonRepository people;
    private final MeetingRepository meetings;
    private final CategoryRepository categories;
    private final ProblemRepository problems;
    private final Today today;
    private final MeasureEventRepository events;
    private final UserAccountRepository logins;
    private final PasswordEncoder passwordEncoder;
    private final DisclosureRepository disclosures;

    private final Map<String, Unit> unitByCode = new LinkedHashMap<>();
    private final Map<String, Person> liaisonByUnit = new LinkedHashMap<>();
    private final Map<String, Person> leaderByUnit = new LinkedHashMap<>();
    private final List<Person> committee = new ArrayList<>();

    public DemoDataLoader(UnitRepository units, PersonRepository people, MeetingRepository meetings,
            CategoryRepository categories, ProblemRepository problems, Today today, MeasureEventRepository events,
            UserAccountRepository logins, PasswordEncoder passwordEncoder, DisclosureRepository disclosures) {
        this.disclosures = disclosures;
        this.events = events;
        this.logins = logins;
        this.passwordEncoder = passwordEncoder;
        this.units = units;
        this.people = people;
        this.meetings = meetings;
        this.categories = categories;
        this.problems = problems;
        this.today = today;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (units.count() > 0) {
            return;
        }
        LocalDate now = today.date();
        createOrganization();
        // This year's meeting reviews last year (年度) and is held in January; last year's, a year before.
        LocalDate thisHeld = LocalDate.of(now.getMonthValue() >= 3 ? now.getYear() : now.getYear() - 1, 1, 20);
        Meeting last = meeting(thisHeld.minusYears(1).withDayOfMonth(16), MeetingStatus.RECTIFYING, 64, 35);
        Meeting current = meeting(thisHeld, MeetingStatus.RECTIFYING, 86, 42);

        Random random = new Random(20260120L);
        List<Problem> lastProblems = new ArrayList<>();
        List<Problem> currentProblems = new ArrayList<>();
        int lastSeq = 0;
        int currentSeq = 0;
        for (DemoTexts.CategoryTexts texts : DemoTexts.ALL) {
            Category category = categories.findByName(texts.category()).orElseThrow();
            for (int i = 0; i < texts.problems().size(); i++) {
                // Roughly two fifths of each category went to last year's meeting, the rest to this year's.
                boolean lastYear = i % 5 == 1 || i % 5 == 3;
                Meeting meeting = lastYear ? last : current;
                int seq = lastYear ? ++lastSeq : ++currentSeq;
                Problem p = problem(meeting, seq, category, texts, texts.problems().get(i), random, null);
                (lastYear ? lastProblems : currentProblems).add(p);
            }
        }
        for (Problem p : lastProblems) {
            fillMeasures(p, random, now, true);
        }
        // What last year did not finish is carried over (上年度未整改到位) into this year's ledger: the old item is
        // frozen as 已转入下年度 and the new problem links back to it.
        int carried = 0;
        for (Problem old : lastProblems) {
            Measure unfinished = old.getMeasures().stream().filter(m -> m.getStatus() != MeasureStatus.CLOSED)
                    .findFirst().orElse(null);
            if (carried < 6 && old.getSeqNo() % 3 == 0 && unfinished != null) {
                DemoTexts.CategoryTexts texts = textsOf(old.getCategory().getName());
                Problem p = problem(current, ++currentSeq, old.getCategory(), texts,
                        old.getDescription(), random, ProblemSource.CARRIED_OVER);
                // Its last report came before it was carried over, at this year's meeting.
                LocalDate lastReport = unfinished.getLastProgressOn() == null ? null
                        : unfinished.getLastProgressOn().isAfter(current.getHeldOn().minusDays(10))
                        ? current.getHeldOn().minusDays(10) : unfinished.getLastProgressOn();
                unfinished.importState(MeasureStatus.CARRIED_OVER, unfinished.getProgress(),
                        unfinished.getProgressNote(), lastReport, null);
                p.carriedFrom(unfinished);
                currentProblems.add(p);
                carried++;
            }
        }
        for (Problem p : currentProblems) {
            fillMeasures(p, random, now, false);
        }
        problems.saveAll(lastProblems);
        problems.saveAll(currentProblems);
        history(lastProblems);
        history(currentProblems);
        disclose(lastProblems, Integer.MAX_VALUE);
        disclose(currentProblems, 12);
        createLogins();
        long measures = lastProblems.stream().mapToLong(p -> p.getMeasures().size()).sum()
                + currentProblems.stream().mapToLong(p -> p.getMeasures().size()).sum();
        log.info("Demo data loaded: {} units, {} people, 2 meetings, {} problems, {} measures", units.count(),
                people.count(), lastProblems.size() + currentProblems.size(), measures);
    }

    /**
     * 整改公示: the office has disclosed last year's finished items and some of this year's, mostly in the ledger's
     * words; names show on some of the personal problems.
     */
    private void disclose(List<Problem> list, int max) {
        int n = 0;
        for (Problem p : list) {
            for (Measure m : p.getMeasures()) {
                if (n < max && DisclosureService.eligible(m.getType(), m.getStatus())) {
                    boolean names = p.getScope() == org.rectify.ledger.ProblemScope.INDIVIDUAL && p.getSeqNo() % 2 == 0;
                    disclosures.save(DisclosureItem.seeded(m, p.getDescription(), m.getContent(), names, "office",
                            today.now()));
                    n++;
                }
            }
        }
    }

    /** A plausible timeline for each item: its last progress report and, when closed, the office's closing. */
    private void history(List<Problem> list) {
        for (Problem p : list) {
            for (Measure m : p.getMeasures()) {
                String contact = m.getContact() == null ? "联络员" : m.getContact().getName();
                events.save(MeasureEvent.imported(m, EventKind.CREATED, p.getMeeting().getHeldOn().plusDays(7)
                        .atTime(9, 0), "党委办公室", null, null, null, MeasureStatus.NOT_STARTED));
                if (m.getStatus() == MeasureStatus.CARRIED_OVER) {
                    events.save(MeasureEvent.imported(m, EventKind.CARRIED_OVER, p.getMeeting().getHeldOn()
                            .plusYears(1).plusDays(5).atTime(10, 0), "党委办公室", "转入下一年度整改台账", null,
                            MeasureStatus.IN_PROGRESS, MeasureStatus.CARRIED_OVER));
                }
                if (m.getLastProgressOn() == null) {
                    continue;
                }
                boolean applied = m.getStatus() == MeasureStatus.PENDING_CLOSE || m.getStatus() == MeasureStatus.CLOSED;
                events.save(MeasureEvent.imported(m, applied ? EventKind.CLOSE_REQUESTED : EventKind.PROGRESS,
                        m.getLastProgressOn().atTime(16, 30), contact, m.getProgressNote(), m.getProgress(),
                        MeasureStatus.IN_PROGRESS, applied ? MeasureStatus.PENDING_CLOSE : MeasureStatus.IN_PROGRESS));
                if (m.getStatus() == MeasureStatus.CLOSED) {
                    events.save(MeasureEvent.imported(m, EventKind.CLOSED, m.getCompletedOn().atTime(10, 0),
                            "党委办公室", "经核验，整改到位，同意销号。", 100, MeasureStatus.PENDING_CLOSE,
                            MeasureStatus.CLOSED));
                }
                if (m.getStatus() == MeasureStatus.RETURNED) {
                    events.save(MeasureEvent.imported(m, EventKind.RETURNED, m.getLastProgressOn().plusDays(2)
                            .atTime(11, 0), "党委办公室", "佐证材料不充分，请补充会议记录和制度文件后重新申请。", null,
                            MeasureStatus.PENDING_CLOSE, MeasureStatus.RETURNED));
                }
            }
        }
    }

    /** One login per role; the password is in the README. */
    private void createLogins() {
        String hash = passwordEncoder.encode(DEMO_PASSWORD);
        logins.save(new UserAccount("office", hash, "党委办公室", Role.OFFICE, null, null));
        logins.save(new UserAccount("leader", hash, "王建国", Role.LEADER, committee.get(0), null));
        logins.save(new UserAccount("contact", hash, "吴静", Role.UNIT_CONTACT, liaisonByUnit.get("ZRK"),
                unitByCode.get("ZRK")));
        logins.save(new UserAccount("branch", hash, "邓琳", Role.UNIT_CONTACT, liaisonByUnit.get("JGDW"),
                unitByCode.get("JGDW")));
        logins.save(new UserAccount("member", hash, "党员", Role.MEMBER, null, null));
    }

    private static DemoTexts.CategoryTexts textsOf(String category) {
        return DemoTexts.ALL.stream().filter(t -> t.category().equals(category)).findFirst().orElseThrow();
    }

    private void createOrganization() {
        Unit root = unit("市交通运输局党委", "DW", UnitKind.COMMITTEE, null, 0);
        unit("党委办公室", "DWB", UnitKind.DEPARTMENT, root, 10);
        unit("组织人事科", "ZRK", UnitKind.DEPARTMENT, root, 20);
        unit("财务审计科", "CSK", UnitKind.DEPARTMENT, root, 30);
        unit("规划建设科", "GJK", UnitKind.DEPARTMENT, root, 40);
        unit("运输管理科", "YGK", UnitKind.DEPARTMENT, root, 50);
        unit("安全监督科", "AJK", UnitKind.DEPARTMENT, root, 60);
        unit("政策法规科", "FGK", UnitKind.DEPARTMENT, root, 70);
        unit("纪检监察室", "JJS", UnitKind.DEPARTMENT, root, 80);
        unit("行政审批科", "SPK", UnitKind.DEPARTMENT, root, 90);
        Unit organs = unit("机关党委", "JGDW", UnitKind.COMMITTEE, root, 100);
        unit("机关第一党支部", "ZB1", UnitKind.BRANCH, organs, 10);
        unit("机关第二党支部", "ZB2", UnitKind.BRANCH, organs, 20);
        unit("离退休干部党支部", "LTX", UnitKind.BRANCH, organs, 30);

        Person secretary = committee("王建国", "wangjianguo", Position.SECRETARY);
        Person deputy = committee("李明华", "liminghua", Position.DEPUTY_SECRETARY);
        Person zhang = committee("张卫东", "zhangweidong", Position.COMMITTEE_MEMBER);
        Person liu = committee("刘晓燕", "liuxiaoyan", Position.COMMITTEE_MEMBER);
        Person chen = committee("陈志强", "chenzhiqiang", Position.COMMITTEE_MEMBER);
        Person yang = committee("杨帆", "yangfan", Position.COMMITTEE_MEMBER);
        Person zhao = committee("赵立新", "zhaolixin", Position.COMMITTEE_MEMBER);

        // 分管: the committee member in charge of each unit is its measures' usual responsible leader.
        String[][] staff = {
                {"DWB", "孙丽", "sunli", "周海涛", "zhouhaitao"},
                {"ZRK", "吴静", "wujing", "郑国庆", "zhengguoqing"},
                {"CSK", "冯雪", "fengxue", "何建平", "hejianping"},
                {"GJK", "许鹏", "xupeng", "高振宇", "gaozhenyu"},
                {"YGK", "马晓丽", "maxiaoli", "罗文斌", "luowenbin"},
                {"AJK", "朱磊", "zhulei", "林志远", "linzhiyuan"},
                {"FGK", "胡婷", "huting", null, null},
                {"JJS", "郭敏", "guomin", "韩光明", "hanguangming"},
                {"SPK", "曹丹", "caodan", null, null},
                {"JGDW", "邓琳", "denglin", null, null},
                {"ZB1", "彭洁", "pengjie", null, null},
                {"ZB2", "谢宁", "xiening", null, null},
                {"LTX", "唐建华", "tangjianhua", null, null},
        };
        Map<String, Person> inCharge = Map.ofEntries(
                Map.entry("DWB", secretary), Map.entry("ZRK", deputy), Map.entry("CSK", liu),
                Map.entry("GJK", chen), Map.entry("YGK", zhang), Map.entry("AJK", yang),
                Map.entry("FGK", deputy), Map.entry("JJS", zhao), Map.entry("SPK", zhang),
                Map.entry("JGDW", deputy), Map.entry("ZB1", liu), Map.entry("ZB2", chen),
                Map.entry("LTX", secretary));
        for (String[] row : staff) {
            Unit unit = unitByCode.get(row[0]);
            liaisonByUnit.put(row[0], people.save(new Person(row[1], row[2] + MAIL_DOMAIN, phone(row[2]), unit,
                    Position.LIAISON, false)));
            if (row[3] != null) {
                people.save(new Person(row[3], row[4] + MAIL_DOMAIN, phone(row[4]), unit, Position.UNIT_HEAD,
                        false));
            }
            leaderByUnit.put(row[0], inCharge.get(row[0]));
        }
    }

    private static String phone(String seed) {
        return "139" + String.format("%08d", Math.abs(seed.hashCode()) % 100_000_000);
    }

    private Unit unit(String name, String code, UnitKind kind, Unit parent, int sort) {
        Unit unit = units.saveAndFlush(new Unit(name, code, kind, parent, sort));
        unit.updatePath();
        unitByCode.put(code, unit);
        return unit;
    }

    private Person committee(String name, String mail, Position position) {
        Person p = people.save(new Person(name, mail + MAIL_DOMAIN, phone(mail), unitByCode.get("DW"), position,
                true));
        committee.add(p);
        return p;
    }

    private Meeting meeting(LocalDate heldOn, MeetingStatus status, int opinions, int criticisms) {
        int year = heldOn.getYear() - 1;
        Meeting m = new Meeting(year + "年度党委领导班子民主生活会", MeetingKind.DEMOCRATIC_LIFE,
                unitByCode.get("DW"), year, heldOn,
                "深入学习贯彻习近平新时代中国特色社会主义思想，强化政治担当，勇于自我革命，推动交通运输事业高质量发展");
        m.setCounts(opinions, criticisms);
        m.setStatus(status);
        m.setGuidanceGroup("市委第三督导组");
        m.setFiledOn(heldOn.plusDays(12)); // both demo meetings were filed with the city committee in time
        m.setAttendance(committee.stream().map(p -> new Meeting.Attendance(p, p.getPosition(),
                DUTIES.getOrDefault(p.getName(), "分管联系部门的党建和业务工作"))).toList());
        return meetings.save(m);
    }

    private Problem problem(Meeting meeting, int seq, Category category, DemoTexts.CategoryTexts texts,
            String description, Random random, ProblemSource forcedSource) {
        boolean individual = random.nextInt(5) < 2;
        Person member = individual ? committee.get(random.nextInt(committee.size())) : null;
        ProblemSource source = forcedSource != null ? forcedSource : pickSource(random);
        Problem p = new Problem(meeting, seq, individual ? ProblemScope.INDIVIDUAL : ProblemScope.TEAM, member,
                source, category, description);
        if (!individual || random.nextBoolean()) {
            p.setCauseAnalysis(texts.cause());
        }
        return p;
    }

    private static ProblemSource pickSource(Random random) {
        ProblemSource[] common = {ProblemSource.STUDY, ProblemSource.PARTY_RULES, ProblemSource.RESEARCH,
                ProblemSource.MASS_FEEDBACK, ProblemSource.MASS_FEEDBACK, ProblemSource.HEART_TO_HEART_TALK,
                ProblemSource.INSPECTION, ProblemSource.CADRE_EVALUATION, ProblemSource.AUDIT,
                ProblemSource.SPECIAL_CAMPAIGN, ProblemSource.STUDY, ProblemSource.RESEARCH};
        return common[random.nextInt(common.length)];
    }

    private void fillMeasures(Problem p, Random random, LocalDate now, boolean lastYear) {
        DemoTexts.CategoryTexts texts = textsOf(p.getCategory().getName());
        int count = 2 + random.nextInt(2);
        int start = random.nextInt(texts.measures().size());
        List<String> unitCodes = new ArrayList<>(leaderByUnit.keySet());
        for (int i = 0; i < count; i++) {
            String text = texts.measures().get((start + i) % texts.measures().size());
            String code = unitCodes.get(random.nextInt(unitCodes.size()));
            Person leader = p.getMember() != null ? p.getMember() : leaderByUnit.get(code);
            MeasureType type = pickType(random, i);
            LocalDate held = p.getMeeting().getHeldOn();
            LocalDate deadline = switch (type) {
                case IMMEDIATE -> held.plusDays(30);
                case PHASED -> phasedDeadline(random, held, now, lastYear);
                case LONG_TERM -> null;
            };
            Measure m = p.addMeasure(new Measure(text, leader, unitByCode.get(code), liaisonByUnit.get(code), type,
                    deadline));
            progress(m, random, held, now, lastYear);
        }
    }

    private static MeasureType pickType(Random random, int index) {
        int r = random.nextInt(10);
        if (index == 0 && r < 3) {
            return MeasureType.IMMEDIATE;
        }
        return r < 7 ? MeasureType.PHASED : MeasureType.LONG_TERM;
    }

    /** Month ends mostly, as real ledgers set them, plus a few dates right around today. */
    private static LocalDate phasedDeadline(Random random, LocalDate held, LocalDate now, boolean lastYear) {
        if (lastYear) {
            return held.plusMonths(3 + random.nextInt(9)).with(TemporalAdjusters.lastDayOfMonth());
        }
        int r = random.nextInt(20);
        if (r < 3) {
            return now.plusDays(random.nextInt(8)); // due soon, including today
        }
        if (r < 5) {
            return now.plusDays(8 + random.nextInt(20));
        }
        LocalDate d = held.plusMonths(2 + random.nextInt(14)).with(TemporalAdjusters.lastDayOfMonth());
        return d;
    }

    /** Brings the item to a plausible state for its deadline, as an imported ledger row would stand. */
    private static void progress(Measure m, Random random, LocalDate held, LocalDate now, boolean lastYear) {
        if (m.getType() == MeasureType.LONG_TERM) {
            // Long-term: reported on periodically; some reports are missing (stale).
            LocalDate last = now.minusDays(3 + random.nextInt(lastYear ? 80 : 55));
            m.importState(MeasureStatus.IN_PROGRESS, 40 + random.nextInt(5) * 10,
                    "已按月报送整改进展，相关制度已印发执行，持续跟踪落实情况。", last, null);
            return;
        }
        LocalDate deadline = m.getDeadline();
        boolean past = deadline.isBefore(now);
        int r = random.nextInt(100);
        if (past && (lastYear ? r < 92 : r < 50)) {
            // Closed; some a little after the deadline.
            LocalDate done = r % 9 == 0 ? deadline.plusDays(5 + random.nextInt(20))
                    : deadline.minusDays(random.nextInt(25));
            done = done.isAfter(now) ? now : done.isBefore(held) ? held.plusDays(3) : done;
            m.importState(MeasureStatus.CLOSED, 100, "已完成整改，相关制度文件和佐证材料已报党委办公室。",
                    done.minusDays(2), done);
            return;
        }
        if (past && r < (lastYear ? 95 : 66) && deadline.isAfter(now.minusDays(40))) {
            m.importState(MeasureStatus.PENDING_CLOSE, 100, "整改任务已完成，申请销号。",
                    now.minusDays(1 + random.nextInt(10)), null);
            return;
        }
        if (past && r < (lastYear ? 97 : 70) && m.getType() == MeasureType.PHASED) {
            // Extension approved: the new date applies, the first one stays on record.
            LocalDate extended = now.plusDays(10 + random.nextInt(40)).with(TemporalAdjusters.lastDayOfMonth());
            m.importState(MeasureStatus.IN_PROGRESS, 60, "因涉及跨部门协调，已申请延期，正在推进。",
                    now.minusDays(random.nextInt(20)), null);
            m.setImportedDeadline(extended);
            return;
        }
        if (past) {
            // Overdue: progress reported long ago, or never.
            if (random.nextBoolean()) {
                m.importState(MeasureStatus.IN_PROGRESS, 20 + random.nextInt(4) * 10, "已制定工作方案，正在组织实施。",
                        deadline.minusDays(20 + random.nextInt(30)), null);
            }
            return;
        }
        if (r < 15) {
            return; // not started yet
        }
        if (r < 22) {
            m.importState(MeasureStatus.PENDING_CLOSE, 100, "已完成整改，申请销号。",
                    now.minusDays(3 + random.nextInt(10)), null);
            return;
        }
        if (r < 26) {
            m.importState(MeasureStatus.RETURNED, 70, "已提交整改材料，佐证不充分，已退回补充。",
                    now.minusDays(5 + random.nextInt(10)), null);
            return;
        }
        m.importState(MeasureStatus.IN_PROGRESS, 20 + random.nextInt(7) * 10,
                "已制定整改方案，明确责任人和时间节点，正在按计划推进。", now.minusDays(random.nextInt(40)), null);
    }
}
