package org.rectify.bench;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A large organization's ledger, generated deterministically (one seed, one "today") straight into a migrated
 * schema with batched inserts: 200 units (1 committee, 24 departments, 175 branches), 5,000 people (1,600
 * committee members who lead measures, 3,200 unit contacts, 200 staff; ~130 without e-mail), 8 meetings over three
 * years, 40,000 problems, 100,000 measures (~59 % closed, ~7 % overdue, ~1.3 % due within 7 days, ~15 % long-term)
 * and ~120,000 timeline events. Used by the benchmark and, at the same shape, by the scale test in the build.
 */
public final class BenchData {

    public static final int UNITS = 200;
    public static final int DEPARTMENTS = 24;
    public static final int LEADERS = 1_600;
    public static final int CONTACTS = 3_200;
    public static final int STAFF = 200;
    public static final int MEETINGS = 8;
    public static final int PROBLEMS = 40_000;
    public static final int MEASURES = 100_000;
    public static final long SEED = 20_260_120L;
    /** The password of the benchmark's logins (bench-office, bench-leader, bench-contact). */
    public static final String PASSWORD = "bench1234";

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
        "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
    private static final String[] GIVEN = {"建国", "明华", "卫东", "晓燕", "志强", "帆", "立新", "丽", "伟", "静", "敏",
        "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "超", "秀英", "桂英", "华", "平", "刚", "芳", "红", "玲"};
    private static final String[] DEPARTMENT_NAMES = {"办公室", "组织人事处", "宣传处", "纪检监察室", "财务审计处",
        "规划建设处", "运输管理处", "安全监督处", "政策法规处", "行政审批处", "科技信息处", "工程质量处", "公路管理处",
        "水运管理处", "港航管理处", "执法监督处", "应急管理处", "离退休干部处", "机关党委", "工会", "团委",
        "信访办", "培训中心", "信息中心"};
    private static final String[] CATEGORIES = {"思想", "政治", "组织", "作风", "纪律", "廉洁", "能力", "为民服务"};
    private static final String[] PROBLEM_TEXTS = {
        "理论学习不够系统深入，存在以干代学、学用脱节现象", "贯彻落实上级决策部署跟踪问效不够",
        "“三会一课”制度执行不够规范，组织生活质量不高", "调查研究不够深入，解决群众急难愁盼问题的办法不多",
        "执行中央八项规定精神有松懈思想，公务接待管理不够规范", "干部担当作为不够，遇到矛盾问题习惯上交",
        "落实全面从严治党主体责任压力传导不够", "服务窗口办事流程繁琐，群众反映办事难",
        "会议文件偏多，基层负担较重", "意识形态工作责任制落实不够到位"};
    private static final String[] MEASURE_TEXTS = {
        "制定年度学习计划，每月至少开展1次集中学习研讨", "建立重点工作督办台账，实行清单化管理、销号式推进",
        "开展“三会一课”规范化专项检查，逐一督促整改", "每季度到基层开展一次专题调研，形成调研报告",
        "修订公务接待管理办法，每季度公开一次经费使用情况", "建立干部担当作为激励机制，开展专项评议",
        "完善主体责任清单，每半年专题研究一次党风廉政建设", "精简办事流程，推行一窗通办、限时办结",
        "精简会议文件，严格控制发文数量", "完善意识形态工作责任清单，健全舆情研判处置机制"};

    private final JdbcTemplate jdbc;
    private final Random random = new Random(SEED);
    private final LocalDate today;
    private final String passwordHash;

    private final List<long[]> leadersByUnit = new ArrayList<>();
    private final List<long[]> contactsByUnit = new ArrayList<>();

    /** Counts of what was written, for the report and for tests that check the shape. */
    public record Shape(int units, int people, int withoutEmail, int meetings, int problems, int measures,
                        int closed, int overdue, int dueWithin7, int longTerm, int events) {
    }

    private int withoutEmail;
    private int closed;
    private int overdue;
    private int dueSoon;
    private int longTerm;
    private int events;

    /**
     * @param passwordHash the hash of {@link #PASSWORD} (the application's encoder makes it)
     */
    public BenchData(JdbcTemplate jdbc, LocalDate today, String passwordHash) {
        this.jdbc = jdbc;
        this.today = today;
        this.passwordHash = passwordHash;
    }

    /** Writes everything into an empty, migrated schema. */
    public Shape generate() {
        units();
        people();
        long[] meetings = meetings();
        problemsAndMeasures(meetings);
        logins();
        return new Shape(UNITS, LEADERS + CONTACTS + STAFF, withoutEmail, MEETINGS, PROBLEMS, MEASURES, closed,
                overdue, dueSoon, longTerm, events);
    }

    /** Unit ids are 1 (committee), 2..25 (departments), 26..200 (branches, about seven per department). */
    private void units() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {1L, "市交通运输局党委", "B-ROOT", "COMMITTEE", null, "/1/", 0});
        for (int d = 0; d < DEPARTMENTS; d++) {
            long id = 2 + d;
            rows.add(new Object[] {id, DEPARTMENT_NAMES[d], "B-D" + id, "DEPARTMENT", 1L, "/1/" + id + "/", d + 1});
        }
        for (long id = 2 + DEPARTMENTS; id <= UNITS; id++) {
            long parent = 2 + (id - 2 - DEPARTMENTS) % DEPARTMENTS;
            int n = (int) ((id - 2 - DEPARTMENTS) / DEPARTMENTS) + 1;
            rows.add(new Object[] {id, DEPARTMENT_NAMES[(int) parent - 2] + "第" + n + "党支部", "B-B" + id, "BRANCH",
                parent, "/1/" + parent + "/" + id + "/", n});
        }
        jdbc.batchUpdate("insert into org_unit (id, name, code, kind, parent_id, path, sort_order) "
                + "values (?, ?, ?, ?, ?, ?, ?)", rows);
        for (int u = 0; u <= UNITS; u++) {
            leadersByUnit.add(null);
            contactsByUnit.add(null);
        }
    }

    private String name() {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    /** 8 committee members and 16 contacts per unit, 1 staff member per unit; ~130 of them without e-mail. */
    private void people() {
        List<Object[]> rows = new ArrayList<>();
        long id = 1;
        for (int u = 1; u <= UNITS; u++) {
            long[] leaders = new long[LEADERS / UNITS];
            for (int i = 0; i < leaders.length; i++) {
                String position = u == 1 && i == 0 ? "SECRETARY" : i == 0 ? "DEPUTY_SECRETARY" : "COMMITTEE_MEMBER";
                leaders[i] = id;
                rows.add(person(id++, u, position, true));
            }
            leadersByUnit.set(u, leaders);
            long[] contacts = new long[CONTACTS / UNITS];
            for (int i = 0; i < contacts.length; i++) {
                contacts[i] = id;
                rows.add(person(id++, u, "LIAISON", false));
            }
            contactsByUnit.set(u, contacts);
            rows.add(person(id++, u, "STAFF", false));
        }
        for (int from = 0; from < rows.size(); from += 2000) {
            jdbc.batchUpdate("insert into person (id, name, email, phone, unit_id, position, committee_member) "
                    + "values (?, ?, ?, ?, ?, ?, ?)", rows.subList(from, Math.min(rows.size(), from + 2000)));
        }
    }

    private Object[] person(long id, int unit, String position, boolean committee) {
        boolean noMail = random.nextInt(1000) < 26;
        if (noMail) {
            withoutEmail++;
        }
        return new Object[] {id, name(), noMail ? null : "p" + id + "@bench.example.org",
            "1380000" + String.format("%04d", id % 10000), unit, position, committee};
    }

    /** Three democratic life meetings (one a year) and five organizational life meetings of departments. */
    private long[] meetings() {
        int year = today.getMonthValue() >= 3 ? today.getYear() : today.getYear() - 1;
        List<Object[]> rows = new ArrayList<>();
        long[] ids = new long[MEETINGS];
        for (int i = 0; i < MEETINGS; i++) {
            boolean democratic = i < 3;
            int y = democratic ? year - 2 + i : year - 2 + (i - 3) % 3;
            LocalDate held = democratic ? LocalDate.of(y, 1, 18) : LocalDate.of(y, 2 + (i - 3) / 3, 10 + i);
            long org = democratic ? 1 : 2 + i;
            String title = (y - 1) + "年度" + (democratic ? "党委领导班子民主生活会" : DEPARTMENT_NAMES[(int) org - 2]
                    + "组织生活会");
            ids[i] = i + 1;
            rows.add(new Object[] {ids[i], title, democratic ? "DEMOCRATIC_LIFE" : "ORGANIZATIONAL_LIFE", org, y - 1,
                Date.valueOf(held), "RECTIFYING", 15, Date.valueOf(held.plusDays(10))});
        }
        jdbc.batchUpdate("insert into meeting (id, title, kind, org_unit_id, meeting_year, held_on, status, "
                + "filing_days, filed_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return ids;
    }

    private LocalDate heldOn(long meetingId) {
        return jdbc.queryForObject("select held_on from meeting where id = ?", LocalDate.class, meetingId);
    }

    private void problemsAndMeasures(long[] meetings) {
        List<Long> categories = new ArrayList<>();
        for (String c : CATEGORIES) {
            categories.add(jdbc.queryForObject("select id from category where name = ?", Long.class, c));
        }
        LocalDate[] held = new LocalDate[meetings.length];
        for (int i = 0; i < meetings.length; i++) {
            held[i] = heldOn(meetings[i]);
        }
        // Democratic life meetings take 60 % of the problems, evenly; the rest go to the departments' meetings.
        int[] perMeeting = new int[meetings.length];
        for (int i = 0; i < meetings.length; i++) {
            perMeeting[i] = i < 3 ? PROBLEMS * 20 / 100 : PROBLEMS * 8 / 100;
        }
        List<Object[]> problems = new ArrayList<>();
        List<Object[]> measures = new ArrayList<>();
        List<Object[]> timeline = new ArrayList<>();
        long problemId = 1;
        long measureId = 1;
        int measuresLeft = MEASURES;
        for (int mi = 0; mi < meetings.length; mi++) {
            for (int seq = 1; seq <= perMeeting[mi]; seq++) {
                int problemsLeft = PROBLEMS - (int) problemId + 1;
                // 1 to 4 measures, 2.5 on average, kept feasible so that the total is exactly MEASURES.
                int n = 1 + random.nextInt(4);
                n = Math.min(n, measuresLeft - (problemsLeft - 1));
                n = Math.max(n, measuresLeft - 4 * (problemsLeft - 1));
                boolean individual = random.nextInt(4) == 0;
                int unit = 1 + random.nextInt(UNITS);
                long member = individual ? leadersByUnit.get(1 + random.nextInt(UNITS))[0] : 0;
                problems.add(new Object[] {problemId, meetings[mi], seq, individual ? "INDIVIDUAL" : "TEAM",
                    individual ? member : null, random.nextInt(5) == 0 ? "MASS_FEEDBACK" : "STUDY",
                    categories.get(random.nextInt(categories.size())),
                    PROBLEM_TEXTS[random.nextInt(PROBLEM_TEXTS.length)] + "（第" + problemId + "号）",
                    "对问题的严重性认识不足，抓落实的韧劲不够。"});
                for (int ms = 1; ms <= n; ms++) {
                    int mUnit = ms == 1 ? unit : 1 + random.nextInt(UNITS);
                    Object[] row = measure(measureId, problemId, ms, mUnit, held[mi], timeline);
                    // The ledger's sort keys (V7): meeting, its date, the problem's number.
                    Object[] keyed = java.util.Arrays.copyOf(row, row.length + 3);
                    keyed[row.length] = meetings[mi];
                    keyed[row.length + 1] = date(held[mi]);
                    keyed[row.length + 2] = seq;
                    measures.add(keyed);
                    measureId++;
                }
                measuresLeft -= n;
                problemId++;
                if (problems.size() == 5000) {
                    flush(problems, measures, timeline);
                }
            }
        }
        flush(problems, measures, timeline);
    }

    private void flush(List<Object[]> problems, List<Object[]> measures, List<Object[]> timeline) {
        if (!problems.isEmpty()) {
            jdbc.batchUpdate("insert into problem (id, meeting_id, seq_no, scope, member_id, source, category_id, "
                    + "description, cause_analysis) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", problems);
        }
        if (!measures.isEmpty()) {
            jdbc.batchUpdate("insert into measure (id, problem_id, seq_no, content, leader_id, unit_id, contact_id, "
                    + "measure_type, deadline, original_deadline, status, progress, progress_note, last_progress_on, "
                    + "completed_on, meeting_id, meeting_held_on, problem_seq) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", measures);
        }
        if (!timeline.isEmpty()) {
            jdbc.batchUpdate("insert into measure_event (measure_id, kind, happened_at, event_date, actor_name, note, "
                    + "progress, from_status, to_status) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", timeline);
        }
        problems.clear();
        measures.clear();
        timeline.clear();
    }

    /**
     * One measure with its state drawn to the target shares: 15 % long-term, 59 % closed, 7 % overdue, 1.3 % due
     * within a week, the rest due later; its timeline events to match.
     */
    private Object[] measure(long id, long problem, int seq, int unit, LocalDate held, List<Object[]> timeline) {
        long[] leaders = leadersByUnit.get(random.nextInt(3) == 0 ? 1 : unit);
        long leader = leaders[random.nextInt(leaders.length)];
        long[] contacts = contactsByUnit.get(unit);
        Long contact = random.nextInt(10) == 0 ? null : contacts[random.nextInt(contacts.length)];
        int draw = random.nextInt(1000);
        String type;
        LocalDate deadline;
        LocalDate original = null;
        String status;
        int progress;
        LocalDate lastProgress = null;
        LocalDate completed = null;
        if (draw < 150) {
            type = "LONG_TERM";
            deadline = null;
            longTerm++;
            int s = random.nextInt(10);
            status = s == 0 ? "NOT_STARTED" : s == 1 ? "RETURNED" : "IN_PROGRESS";
            progress = status.equals("NOT_STARTED") ? 0 : 10 + random.nextInt(80);
            if (!status.equals("NOT_STARTED")) {
                // About a third are stale: the last report is more than a month old.
                lastProgress = later(held, today.minusDays(random.nextInt(3) == 0 ? 31 + random.nextInt(200)
                        : random.nextInt(30)));
                int reports = 1 + random.nextInt(2);
                for (int r = 0; r < reports; r++) {
                    event(timeline, id, "PROGRESS", r == reports - 1 ? lastProgress
                            : later(held, lastProgress.minusDays(30L * (reports - r))), progress, null, null);
                }
            }
        } else {
            type = random.nextInt(4) == 0 ? "IMMEDIATE" : "PHASED";
            if (draw < 740) {
                closed++;
                deadline = later(held.plusDays(7), today.minusDays(10 + random.nextInt(700)));
                completed = later(held, deadline.minusDays(random.nextInt(40) - 8));
                completed = completed.isAfter(today) ? today : completed;
                status = "CLOSED";
                progress = 100;
                lastProgress = completed;
                if (random.nextInt(5) < 2) {
                    event(timeline, id, "PROGRESS", later(held, completed.minusDays(20)), 60, null, null);
                }
                event(timeline, id, "CLOSED", completed, 100, "PENDING_CLOSE", "CLOSED");
            } else {
                if (draw < 810) {
                    overdue++;
                    deadline = later(held.plusDays(7), today.minusDays(1 + random.nextInt(300)));
                    if (!deadline.isBefore(today)) {
                        deadline = today.minusDays(1);
                    }
                } else if (draw < 823) {
                    dueSoon++;
                    deadline = today.plusDays(random.nextInt(8));
                } else {
                    deadline = today.plusDays(8 + random.nextInt(360));
                }
                if (random.nextInt(20) == 0) {
                    original = deadline.minusDays(30);
                }
                int s = random.nextInt(20);
                status = s == 0 ? "PENDING_CLOSE" : s < 3 ? "NOT_STARTED" : s == 3 ? "RETURNED" : "IN_PROGRESS";
                progress = status.equals("NOT_STARTED") ? 0 : 10 + random.nextInt(85);
                if (!status.equals("NOT_STARTED") && random.nextInt(10) < 7) {
                    lastProgress = later(held, today.minusDays(random.nextInt(90)));
                    event(timeline, id, "PROGRESS", lastProgress, progress, null, null);
                }
            }
        }
        return new Object[] {id, problem, seq, MEASURE_TEXTS[random.nextInt(MEASURE_TEXTS.length)] + "（" + id + "）",
            leader, unit, contact, type, date(deadline), date(original), status, progress,
            lastProgress == null ? null : "已按计划推进，完成" + progress + "%", date(lastProgress), date(completed)};
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private void event(List<Object[]> timeline, long measure, String kind, LocalDate on, int progress, String from,
            String to) {
        events++;
        timeline.add(new Object[] {measure, kind, Timestamp.valueOf(on.atTime(10, 0)), Date.valueOf(on), "联络员",
            kind.equals("PROGRESS") ? "已按计划推进" : "同意销号", progress, from, to});
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    /** The benchmark's logins: the office, a committee member who leads items, a unit's contact. */
    private void logins() {
        long leader = leadersByUnit.get(1)[0];
        long contactUnit = 2 + DEPARTMENTS; // the first branch
        long contact = contactsByUnit.get((int) contactUnit)[0];
        jdbc.update("insert into app_user (username, password_hash, display_name, role) values (?, ?, ?, 'OFFICE')",
                "bench-office", passwordHash, "党委办公室");
        jdbc.update("insert into app_user (username, password_hash, display_name, role, person_id) "
                + "values (?, ?, ?, 'LEADER', ?)", "bench-leader", passwordHash, "书记", leader);
        jdbc.update("insert into app_user (username, password_hash, display_name, role, person_id, unit_id) "
                + "values (?, ?, ?, 'UNIT_CONTACT', ?, ?)", "bench-contact", passwordHash, "联络员", contact,
                contactUnit);
    }
}
