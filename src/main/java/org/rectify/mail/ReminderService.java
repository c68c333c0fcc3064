package org.rectify.mail;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rectify.base.Texts;
import org.rectify.base.Today;
import org.rectify.dashboard.DashboardService;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.LedgerSort;
import org.rectify.ledger.Measure;
import org.rectify.org.OrgService;
import org.rectify.org.Person;
import org.rectify.org.Position;
import org.springframework.stereotype.Service;

/**
 * What the reminder mails say and to whom. The items come from the ledger's own queries and filters (overdue, due
 * within the window, stale), so a mail never disagrees with the ledger or the dashboard. Jobs call the {@code run*}
 * methods; the office's preview calls {@link #previewDigests()}, which records nothing.
 */
@Service
public class ReminderService {

    /** Lines per section of a mail; the rest is counted ("及其他N项"). */
    static final int MAX_LINES = 100;

    private final LedgerService ledger;
    private final DashboardService dashboard;
    private final OrgService org;
    private final ReminderSettings settings;
    private final Outbox outbox;
    private final MailComposer composer;
    private final MailProperties properties;
    private final Today today;
    private final org.springframework.transaction.support.TransactionTemplate readOnly;
    private final org.rectify.base.ui.i18n.RectifyI18NProvider i18n;
    private final org.rectify.meeting.MeetingService meetings;

    public ReminderService(LedgerService ledger, DashboardService dashboard, OrgService org,
            ReminderSettings settings, Outbox outbox, MailComposer composer, MailProperties properties, Today today,
            org.rectify.base.ui.i18n.RectifyI18NProvider i18n, org.rectify.meeting.MeetingService meetings,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.i18n = i18n;
        this.meetings = meetings;
        this.ledger = ledger;
        this.dashboard = dashboard;
        this.org = org;
        this.settings = settings;
        this.outbox = outbox;
        this.composer = composer;
        this.properties = properties;
        this.today = today;
    }

    /** One line of a mail: an item and how late or how soon. */
    public record Line(long measureId, String content, String problem, String unit, LocalDate deadline, long days,
                       String link) {
    }

    /** A section of lines with the number of items it stands for (more than the lines when cut). */
    public record Section(List<Line> lines, long total) {
        boolean isEmpty() {
            return total == 0;
        }
    }

    /**
     * A person's digest: the items they lead and those they report on as contact, in one mail. {@code role} is
     * LEADER for anyone who leads an item (also when they are a contact too), else CONTACT; it names the mail's
     * idempotency key, so that a run after an upgrade finds the leader mail an earlier run recorded.
     */
    public record Digest(Recipient to, String role, boolean leader, boolean contact, Section overdue,
                         Section dueSoon, Section stale, int dueSoonDays) {
        public String subject() {
            List<String> parts = new ArrayList<>();
            if (overdue.total() > 0) {
                parts.add(overdue.total() + "项整改逾期");
            }
            if (dueSoon.total() > 0) {
                parts.add(dueSoon.total() + "项即将到期");
            }
            if (stale.total() > 0) {
                parts.add(stale.total() + "项长期未报送进展");
            }
            return "【整改提醒】您有" + String.join("、", parts);
        }
    }

    /** What a job run did: mails recorded now, already recorded before (same key), people without an address. */
    public record RunReport(int recorded, int alreadyRecorded, List<String> withoutAddress) {
    }

    /**
     * What today's run would do, nothing recorded: every digest with whether today's run already recorded it, and
     * the number of mails a run now would really add (new digests with an address, the office's filing reminder, the
     * report of missing addresses), which is 0 once today's run has recorded them.
     */
    public record Preview(List<Digest> digests, java.util.Set<Digest> recordedToday, int mailsToSend) {
    }

    public Preview previewDigests() {
        return SystemActor.call(() -> {
            Reads reads = reads(today.date());
            List<Digest> digests = reads.digests();
            java.util.Set<Digest> recorded = new java.util.LinkedHashSet<>();
            int mails = 0;
            for (int i = 0; i < digests.size(); i++) {
                if (reads.existing().contains(reads.keys().get(i))) {
                    recorded.add(digests.get(i));
                } else if (digests.get(i).to().hasAddress()) {
                    mails++;
                }
            }
            LocalDate day = today.date();
            java.util.Set<String> others = new java.util.HashSet<>();
            if (!reads.lateFilings().isEmpty()) {
                others.add(officeKey(day));
            }
            if (digests.stream().anyMatch(d -> !d.to().hasAddress())) {
                others.add(missingKey(digestRunKey(day)));
            }
            others.removeAll(outbox.recordedKeys(List.copyOf(others)));
            return new Preview(digests, recorded, mails + others.size());
        });
    }

    /**
     * Everything a digest run reads, in one read-only transaction: the items, the keys already recorded today (an
     * earlier run, another instance: those mails are neither composed nor inserted again), late filings.
     */
    private record Reads(List<Digest> digests, List<String> keys, java.util.Set<String> existing,
                         List<org.rectify.meeting.Meeting> lateFilings) {
    }

    private Reads reads(LocalDate day) {
        return readOnly.execute(s -> {
            List<Digest> digests = digests();
            List<String> keys = digests.stream().map(d -> digestKey(d, day)).toList();
            return new Reads(digests, keys, outbox.recordedKeys(keys), meetings.filingOverdue());
        });
    }

    public RunReport runDailyDigest() {
        return SystemActor.call(() -> {
            LocalDate day = today.date();
            Reads reads = reads(day);
            List<Digest> digests = reads.digests();
            List<String> keys = reads.keys();
            List<Outbox.Draft> drafts = compose(java.util.stream.IntStream.range(0, digests.size())
                    .filter(i -> !reads.existing().contains(keys.get(i))).boxed()
                    .map(i -> (java.util.concurrent.Callable<Outbox.Draft>) () -> digestMail(keys.get(i), digests.get(i)))
                    .toList());
            List<String> missing = digests.stream().filter(d -> !d.to().hasAddress()).map(d -> d.to().name()).toList();
            missingDraft(missing, digestRunKey(day)).ifPresent(drafts::add);
            java.util.Optional<Outbox.Draft> office = officeDigest(reads.lateFilings(), day);
            office.ifPresent(drafts::add);
            // All of the run's mails in one batch.
            java.util.Set<String> recorded = outbox.enqueueAll(drafts);
            int digestsRecorded = (int) keys.stream().filter(recorded::contains).count();
            int officeRecorded = office.filter(o -> recorded.contains(o.key())).isPresent() ? 1 : 0;
            return new RunReport(digestsRecorded + officeRecorded, digests.size() - digestsRecorded, missing);
        });
    }

    private static String digestRunKey(LocalDate day) {
        return "DIGEST:" + day;
    }

    private static String officeKey(LocalDate day) {
        return "DIGEST:OFFICE:" + day;
    }

    private static String missingKey(String runKey) {
        return "MISSING:" + runKey;
    }

    /**
     * Composing thousands of mails is a run's main cost: spread over the cores, in order (the template engine is
     * thread-safe). Threads of this run's own pool, not the common fork-join pool: new threads take this thread's
     * context class loader, through which the templates are found in the packaged jar (the common pool's threads
     * cannot see them there).
     */
    private static List<Outbox.Draft> compose(List<java.util.concurrent.Callable<Outbox.Draft>> mails) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Outbox.Draft> drafts = new ArrayList<>(mails.size());
            for (java.util.concurrent.Future<Outbox.Draft> f : pool.invokeAll(mails)) {
                drafts.add(f.get());
            }
            return drafts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while composing the digests", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a digest could not be composed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static String digestKey(Digest d, LocalDate day) {
        return "DIGEST:" + d.role() + ":" + d.to().personId() + ":" + day;
    }

    /**
     * The office's own daily reminder: meetings whose rectification list is past its filing day (会后N天内报备案)
     * and not filed; empty when there are none.
     */
    private java.util.Optional<Outbox.Draft> officeDigest(List<org.rectify.meeting.Meeting> late, LocalDate day) {
        if (late.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<Map<String, Object>> rows = late.stream().map(m -> Map.<String, Object>of("title", m.getTitle(),
                "heldOn", m.getHeldOn().toString(), "dueOn", m.filingDueOn().toString(),
                "daysLate", ChronoUnit.DAYS.between(m.filingDueOn(), day),
                "link", properties.baseUrl() + "/meetings/item/" + m.getId())).toList();
        Recipient office = new Recipient(null, "党委办公室", properties.officeAddress());
        String subject = "【整改提醒】" + late.size() + "个会议的整改清单逾期未报备";
        String text = MailComposer.text("党委办公室：您好！以下会议的整改清单已过报备期限，尚未登记报备：",
                List.of(Map.entry("逾期未报备（" + late.size() + "个会议）", rows.stream()
                        .map(r -> r.get("title") + "（召开于" + r.get("heldOn") + "，应于" + r.get("dueOn") + "前报备，已超期"
                                + r.get("daysLate") + "天） " + r.get("link")).toList())),
                "报备后请在平台的会议页面登记报备日期。");
        return java.util.Optional.of(new Outbox.Draft(officeKey(day), MailKind.DIGEST, office, subject,
                composer.html("office", Map.of("meetings", rows)), text));
    }

    /**
     * Digests for everyone with something to report: responsible leaders, then contacts, each by person id. All
     * items come from one read ({@link LedgerService#reminderItems}) and are dealt out to their leader and contact
     * here, instead of three queries per person.
     */
    private List<Digest> digests() {
        int window = settings.windows().dueSoonDays();
        List<LedgerService.ReminderItem> items = ledger.reminderItems(window);
        // One digest per person, whatever their roles: a leader who is also a contact gets one mail, and an item
        // they both lead and report on appears in it once.
        java.util.SortedMap<Long, Map<Long, LedgerService.ReminderItem>> byPerson = new java.util.TreeMap<>();
        java.util.Set<Long> leaders = new java.util.HashSet<>();
        java.util.Set<Long> contacts = new java.util.HashSet<>();
        Map<Long, Recipient> recipients = new java.util.HashMap<>();
        for (LedgerService.ReminderItem i : items) {
            byPerson.computeIfAbsent(i.leaderId(), k -> new LinkedHashMap<>()).putIfAbsent(i.measureId(), i);
            leaders.add(i.leaderId());
            recipients.putIfAbsent(i.leaderId(), recipient(i.leaderId(), i.leaderName(), i.leaderEmail()));
            if (i.contactId() != null) {
                byPerson.computeIfAbsent(i.contactId(), k -> new LinkedHashMap<>()).putIfAbsent(i.measureId(), i);
                contacts.add(i.contactId());
                recipients.putIfAbsent(i.contactId(), recipient(i.contactId(), i.contactName(), i.contactEmail()));
            }
        }
        // Leaders first, then contacts, each by person id (the order the office's preview lists them in).
        List<Digest> digests = new ArrayList<>();
        byPerson.forEach((id, mine) -> {
            if (leaders.contains(id)) {
                digests.add(digest(recipients.get(id), true, contacts.contains(id), List.copyOf(mine.values()),
                        window));
            }
        });
        byPerson.forEach((id, mine) -> {
            if (!leaders.contains(id)) {
                digests.add(digest(recipients.get(id), false, true, List.copyOf(mine.values()), window));
            }
        });
        return digests;
    }

    private static Recipient recipient(long personId, String name, String email) {
        return new Recipient(personId, name, Texts.orNull(email));
    }

    private Digest digest(Recipient to, boolean leader, boolean contact, List<LedgerService.ReminderItem> mine,
            int window) {
        return new Digest(to, leader ? "LEADER" : "CONTACT", leader, contact,
                section(mine, LedgerService.ReminderItem::overdue, true),
                section(mine, LedgerService.ReminderItem::dueSoon, false),
                section(mine, LedgerService.ReminderItem::stale, false), window);
    }

    /** The items of one section, in deadline order; the first {@link #MAX_LINES} as lines, all of them counted. */
    private Section section(List<LedgerService.ReminderItem> mine,
            java.util.function.Predicate<LedgerService.ReminderItem> rule, boolean overdue) {
        LocalDate day = today.date();
        List<LedgerService.ReminderItem> in = mine.stream().filter(rule).toList();
        List<Line> lines = in.stream().limit(MAX_LINES).map(m -> new Line(m.measureId(), m.content(), m.problem(),
                m.unit(), m.deadline(), m.deadline() == null ? 0 : overdue ? ChronoUnit.DAYS.between(m.deadline(), day)
                        : ChronoUnit.DAYS.between(day, m.deadline()), link(m.measureId()))).toList();
        return new Section(lines, in.size());
    }

    /** Section by ledger filter, for mails about one set of items (the escalation). */
    private Section section(LedgerFilter filter, boolean overdue) {
        LocalDate day = today.date();
        List<Measure> rows = ledger.find(filter, null, 0, MAX_LINES,
                List.of(new LedgerSort(LedgerSort.Field.DEADLINE, true)));
        long total = rows.size() < MAX_LINES ? rows.size() : ledger.count(filter, null);
        List<Line> lines = rows.stream().map(m -> new Line(m.getId(), m.getContent(),
                m.getProblem().getDescription(), m.getUnit().getName(), m.getDeadline(),
                m.getDeadline() == null ? 0 : overdue ? ChronoUnit.DAYS.between(m.getDeadline(), day)
                        : ChronoUnit.DAYS.between(day, m.getDeadline()),
                link(m.getId()))).toList();
        return new Section(lines, total);
    }

    String link(long measureId) {
        return properties.baseUrl() + "/ledger/item/" + measureId;
    }

    private Outbox.Draft digestMail(String key, Digest d) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", d.to().name());
        model.put("leader", d.leader());
        model.put("contact", d.contact());
        model.put("sections", List.of(
                Map.of("title", "逾期事项", "section", d.overdue(), "tone", "#c62828", "mode", "overdue"),
                Map.of("title", d.dueSoonDays() + "日内到期", "section", d.dueSoon(), "tone", "#b26a00", "mode",
                        "soon"),
                Map.of("title", "长期整改未按期报送进展", "section", d.stale(), "tone", "#555555", "mode", "stale")));
        model.put("ledgerUrl", properties.baseUrl() + "/ledger");
        // The text part says what the HTML (templates/mail/digest.html) says, in the same words.
        String text = MailComposer.text(d.to().name() + "：您好！\n" + digestIntro(d), List.of(
                Map.entry("逾期事项（" + d.overdue().total() + "项）", lines(d.overdue(), Mode.OVERDUE)),
                Map.entry(d.dueSoonDays() + "日内到期（" + d.dueSoon().total() + "项）", lines(d.dueSoon(), Mode.SOON)),
                Map.entry("长期整改未按期报送进展（" + d.stale().total() + "项）", lines(d.stale(), Mode.STALE))),
                "请登录整改台账管理平台处理：" + properties.baseUrl() + "/ledger");
        return new Outbox.Draft(key, MailKind.DIGEST, d.to(), d.subject(), composer.html("digest", model), text);
    }

    /** The digest's opening sentence, as in the HTML. */
    static String digestIntro(Digest d) {
        if (d.leader() && d.contact()) {
            return "您作为责任领导和联络员，以下整改事项需要关注、报送或推进：";
        }
        return d.leader() ? "您作为责任领导，以下整改事项需要关注：" : "您作为联络员，以下整改事项需要报送或推进：";
    }

    /** How a line's deadline is told: days late, days left (today: 今日到期), or none for long-term items. */
    enum Mode {
        OVERDUE, SOON, STALE
    }

    /** A line's deadline note, the same words as the HTML's: "（逾期3天）", "（今日到期）", "（2天后到期）". */
    static String when(Line l, Mode mode) {
        return switch (mode) {
            case OVERDUE -> "（逾期" + l.days() + "天）";
            case SOON -> l.days() == 0 ? "（今日到期）" : "（" + l.days() + "天后到期）";
            case STALE -> "";
        };
    }

    private static List<String> lines(Section s, Mode mode) {
        List<String> out = new ArrayList<>();
        for (Line l : s.lines()) {
            String deadline = l.deadline() == null ? "长期" : l.deadline() + when(l, mode);
            out.add(l.content() + " — " + l.unit() + "，" + deadline + " " + l.link());
        }
        if (s.total() > s.lines().size()) {
            out.add("及其他" + (s.total() - s.lines().size()) + "项");
        }
        return out;
    }

    // --- Escalation to the secretary ---

    public RunReport runEscalation() {
        return SystemActor.call(() -> {
            int days = settings.windows().escalationDays();
            LocalDate day = today.date();
            LedgerFilter late = new LedgerFilter().setOverdueOnly(true).setDeadlineTo(day.minusDays(days + 1L));
            Section items = section(late, true);
            List<String> missing = new ArrayList<>();
            if (items.isEmpty()) {
                return new RunReport(0, 0, missing);
            }
            int recorded = 0;
            int existing = 0;
            String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            for (Person secretary : secretaries()) {
                Recipient to = Recipient.of(secretary);
                Map<String, Object> model = Map.of("name", to.name(), "items", items, "days", days,
                        "ledgerUrl", properties.baseUrl() + "/ledger?overdue=1&group=none");
                String subject = "【整改督办】" + items.total() + "项整改逾期超过" + days + "天，请督促落实";
                String text = MailComposer.text(to.name() + "同志：以下整改事项逾期超过" + days + "天，请督促责任领导和责任单位落实：",
                        List.of(Map.entry("逾期事项（" + items.total() + "项）", lines(items, Mode.OVERDUE))),
                        "整改台账：" + properties.baseUrl() + "/ledger?overdue=1");
                if (outbox.enqueue(new Outbox.Draft("ESCALATION:" + secretary.getId() + ":" + week,
                        MailKind.ESCALATION, to, subject, composer.html("escalation", model), text))) {
                    recorded++;
                } else {
                    existing++;
                }
                if (!to.hasAddress()) {
                    missing.add(to.name());
                }
            }
            reportMissing(missing, "ESCALATION:" + week);
            return new RunReport(recorded, existing, missing);
        });
    }

    /** 书记, 第一责任人: the secretaries among the committee members. */
    private List<Person> secretaries() {
        return org.leaders().stream().filter(p -> p.getPosition() == Position.SECRETARY).toList();
    }

    // --- Weekly summary for the leadership ---

    public RunReport runWeeklySummary() {
        return SystemActor.call(() -> {
            LocalDate day = today.date();
            String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            LedgerFilter selection = dashboard.defaultSelection();
            DashboardService.Dashboard d = dashboard.load(selection);
            // The summary's numbers are the dashboard's default selection (the latest meeting): say which one, so
            // that a reader does not take them for the whole organization's.
            String covers = selection.getMeetingId() == null ? "全部会议"
                    : meetingName(meetings.get(selection.getMeetingId()));
            int recorded = 0;
            int existing = 0;
            List<String> missing = new ArrayList<>();
            for (Person member : org.leaders()) {
                Recipient to = Recipient.of(member);
                Map<String, Object> model = Map.of("name", to.name(), "d", d, "covers", covers,
                        "types", d.byType().stream().map(t -> Map.of("label", typeLabel(t.type()), "closed",
                                t.closed(), "open", t.open())).toList(),
                        "dashboardUrl", properties.baseUrl() + "/dashboard");
                String subject = "【整改周报】完成率" + d.kpis().completionPercent() + "%，逾期" + d.kpis().overdue()
                        + "项，7日内到期" + d.kpis().dueSoon() + "项";
                List<String> units = d.byUnit().stream().map(u -> u.unit() + "：已销号" + u.closed() + "，未销号且未逾期"
                        + u.onTrack() + "，逾期" + u.overdue()).toList();
                List<String> types = d.byType().stream().map(t -> typeLabel(t.type()) + "：已完成" + t.closed()
                        + "，未完成" + t.open()).toList();
                String text = MailComposer.text(to.name() + "同志：\n统计范围：" + covers + "\n本周整改进展如下。共"
                        + d.kpis().total() + "项，已销号" + d.kpis().closed() + "项，逾期" + d.kpis().overdue() + "项。",
                        List.of(Map.entry("按责任单位", units), Map.entry("按整改类型", types)),
                        "详见整改进度总览：" + properties.baseUrl() + "/dashboard");
                if (outbox.enqueue(new Outbox.Draft("WEEKLY:" + member.getId() + ":" + week, MailKind.WEEKLY, to,
                        subject, composer.html("weekly", model), text))) {
                    recorded++;
                } else {
                    existing++;
                }
                if (!to.hasAddress()) {
                    missing.add(to.name());
                }
            }
            reportMissing(missing, "WEEKLY:" + week);
            return new RunReport(recorded, existing, missing);
        });
    }

    private static String meetingName(org.rectify.meeting.Meeting m) {
        return m.getTitle() + "（" + m.getHeldOn() + "召开）";
    }

    private String typeLabel(org.rectify.ledger.MeasureType type) {
        return i18n.getTranslation(type.messageKey(), java.util.Locale.SIMPLIFIED_CHINESE);
    }

    /** People who should have had a mail but have no address: the office is told, once per run key. */
    void reportMissing(List<String> names, String runKey) {
        missingDraft(names, runKey).ifPresent(outbox::enqueue);
    }

    private java.util.Optional<Outbox.Draft> missingDraft(List<String> names, String runKey) {
        if (names.isEmpty()) {
            return java.util.Optional.empty();
        }
        Recipient office = new Recipient(null, "党委办公室", properties.officeAddress());
        String subject = "【邮件未送达】" + names.size() + "人没有邮箱地址，未收到整改提醒";
        String text = MailComposer.text("以下人员没有登记邮箱地址，未能收到整改提醒，请在人员信息中补充：",
                List.of(Map.entry("缺少邮箱（" + names.size() + "人）", names)), "整改台账管理平台");
        return java.util.Optional.of(new Outbox.Draft(missingKey(runKey), MailKind.MISSING_ADDRESS, office,
                subject, composer.html("missing", Map.of("names", names)), text));
    }
}
