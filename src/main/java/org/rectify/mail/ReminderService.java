package org.rectify.mail;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** A digest for one person: as responsible leader or as contact. */
    public record Digest(Recipient to, String role, Section overdue, Section dueSoon, Section stale,
                         int dueSoonDays) {
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

    /** The digests today's run would send; nothing is recorded. */
    public List<Digest> previewDigests() {
        return SystemActor.call(this::digests);
    }

    public RunReport runDailyDigest() {
        return SystemActor.call(() -> {
            LocalDate day = today.date();
            // Everything the run reads, in one read-only transaction: the items, the keys already recorded today
            // (an earlier run, another instance: those mails are neither composed nor inserted again), late filings.
            record Reads(List<Digest> digests, List<String> keys, java.util.Set<String> existing,
                         List<org.rectify.meeting.Meeting> lateFilings) {
            }
            Reads reads = readOnly.execute(s -> {
                List<Digest> digests = digests();
                List<String> keys = digests.stream().map(d -> digestKey(d, day)).toList();
                return new Reads(digests, keys, outbox.recordedKeys(keys), meetings.filingOverdue());
            });
            List<Digest> digests = reads.digests();
            List<String> keys = reads.keys();
            List<Outbox.Draft> drafts = compose(java.util.stream.IntStream.range(0, digests.size())
                    .filter(i -> !reads.existing().contains(keys.get(i))).boxed()
                    .map(i -> (java.util.concurrent.Callable<Outbox.Draft>) () -> digestMail(keys.get(i), digests.get(i)))
                    .toList());
            List<String> missing = digests.stream().filter(d -> !d.to().hasAddress()).map(d -> d.to().name()).toList();
            missingDraft(missing, "DIGEST:" + day).ifPresent(drafts::add);
            java.util.Optional<Outbox.Draft> office = officeDigest(reads.lateFilings(), day);
            office.ifPresent(drafts::add);
            // All of the run's mails in one batch.
            java.util.Set<String> recorded = outbox.enqueueAll(drafts);
            int digestsRecorded = (int) keys.stream().filter(recorded::contains).count();
            int officeRecorded = office.filter(o -> recorded.contains(o.key())).isPresent() ? 1 : 0;
            return new RunReport(digestsRecorded + officeRecorded, digests.size() - digestsRecorded, missing);
        });
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
        return java.util.Optional.of(new Outbox.Draft("DIGEST:OFFICE:" + day, MailKind.DIGEST, office, subject,
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
        java.util.SortedMap<Long, List<LedgerService.ReminderItem>> byLeader = new java.util.TreeMap<>();
        java.util.SortedMap<Long, List<LedgerService.ReminderItem>> byContact = new java.util.TreeMap<>();
        Map<Long, Recipient> recipients = new java.util.HashMap<>();
        for (LedgerService.ReminderItem i : items) {
            byLeader.computeIfAbsent(i.leaderId(), k -> new ArrayList<>()).add(i);
            recipients.putIfAbsent(i.leaderId(), recipient(i.leaderId(), i.leaderName(), i.leaderEmail()));
            if (i.contactId() != null) {
                byContact.computeIfAbsent(i.contactId(), k -> new ArrayList<>()).add(i);
                recipients.putIfAbsent(i.contactId(), recipient(i.contactId(), i.contactName(), i.contactEmail()));
            }
        }
        List<Digest> digests = new ArrayList<>();
        byLeader.forEach((id, mine) -> digests.add(digest(recipients.get(id), "LEADER", mine, window)));
        byContact.forEach((id, mine) -> digests.add(digest(recipients.get(id), "CONTACT", mine, window)));
        return digests;
    }

    private static Recipient recipient(long personId, String name, String email) {
        return new Recipient(personId, name, email == null || email.isBlank() ? null : email.trim());
    }

    private Digest digest(Recipient to, String role, List<LedgerService.ReminderItem> mine, int window) {
        return new Digest(to, role, section(mine, LedgerService.ReminderItem::overdue, true),
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
        model.put("leader", "LEADER".equals(d.role()));
        model.put("sections", List.of(
                Map.of("title", "逾期事项", "section", d.overdue(), "tone", "#c62828", "mode", "overdue"),
                Map.of("title", d.dueSoonDays() + "日内到期", "section", d.dueSoon(), "tone", "#b26a00", "mode",
                        "soon"),
                Map.of("title", "长期整改未按期报送进展", "section", d.stale(), "tone", "#555555", "mode", "stale")));
        model.put("ledgerUrl", properties.baseUrl() + "/ledger");
        String text = MailComposer.text(d.to().name() + "：您好！以下整改事项需要您关注：", List.of(
                Map.entry("逾期事项（" + d.overdue().total() + "项）", lines(d.overdue(), "逾期%d天")),
                Map.entry(d.dueSoonDays() + "日内到期（" + d.dueSoon().total() + "项）", lines(d.dueSoon(), "%d天后到期")),
                Map.entry("长期整改未按期报送进展（" + d.stale().total() + "项）", lines(d.stale(), null))),
                "请登录整改台账管理平台处理：" + properties.baseUrl() + "/ledger");
        return new Outbox.Draft(key, MailKind.DIGEST, d.to(), d.subject(), composer.html("digest", model), text);
    }

    private static List<String> lines(Section s, String daysFormat) {
        List<String> out = new ArrayList<>();
        for (Line l : s.lines()) {
            String when = daysFormat == null || l.deadline() == null ? "" : "（" + l.deadline() + "，"
                    + String.format(daysFormat, l.days()) + "）";
            out.add(l.content() + " — " + l.unit() + when + " " + l.link());
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
                        List.of(Map.entry("逾期事项（" + items.total() + "项）", lines(items, "逾期%d天"))),
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
            DashboardService.Dashboard d = dashboard.load(dashboard.defaultSelection());
            int recorded = 0;
            int existing = 0;
            List<String> missing = new ArrayList<>();
            for (Person member : org.leaders()) {
                Recipient to = Recipient.of(member);
                Map<String, Object> model = Map.of("name", to.name(), "d", d,
                        "types", d.byType().stream().map(t -> Map.of("label", typeLabel(t.type()), "closed",
                                t.closed(), "open", t.open())).toList(),
                        "dashboardUrl", properties.baseUrl() + "/dashboard");
                String subject = "【整改周报】完成率" + d.kpis().completionPercent() + "%，逾期" + d.kpis().overdue()
                        + "项，7日内到期" + d.kpis().dueSoon() + "项";
                List<String> units = d.byUnit().stream().map(u -> u.unit() + "：已销号" + u.closed() + "，未销号且未逾期"
                        + u.onTrack() + "，逾期" + u.overdue()).toList();
                List<String> types = d.byType().stream().map(t -> typeLabel(t.type()) + "：已完成" + t.closed()
                        + "，未完成" + t.open()).toList();
                String text = MailComposer.text(to.name() + "同志：本周整改进展如下。共" + d.kpis().total() + "项，已销号"
                        + d.kpis().closed() + "项，逾期" + d.kpis().overdue() + "项。",
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
        return java.util.Optional.of(new Outbox.Draft("MISSING:" + runKey, MailKind.MISSING_ADDRESS, office,
                subject, composer.html("missing", Map.of("names", names)), text));
    }
}
