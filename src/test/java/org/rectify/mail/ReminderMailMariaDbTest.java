package org.rectify.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.testing.TestConfig.TODAY;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectify.ledger.EvidenceStorage;
import org.rectify.ledger.MeasureRepository;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.RectificationService;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.MariaDbTest;
import org.rectify.testing.MutableClock;
import org.rectify.testing.TestLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Reminder mails through a real SMTP server (GreenMail) and the real database (MariaDB, with ShedLock): a day's run,
 * a second run, SMTP down and back, two instances at once, event mails, escaping.
 */
@MariaDbTest
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:mysql://${RECTIFY_TEST_DB_HOST:127.0.0.1}:${RECTIFY_TEST_DB_PORT:3306}/"
                + "${RECTIFY_TEST_DB_NAME:rectify}_mail?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8",
        "spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        "rectify.mail.base-url=http://rectify.test", "rectify.mail.office-address=office@test.example.org",
        "rectify.evidence.dir=target/test-evidence/mail"})
class ReminderMailMariaDbTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    ReminderService reminders;
    @Autowired
    ReminderJobs jobs;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRepository mails;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    RectificationService workflow;
    @Autowired
    MeasureRepository measures;
    @Autowired
    MissedRuns missedRuns;

    @BeforeEach
    void clean() {
        fixture.ensure();
        jdbc.update("delete from mail_outbox");
        releaseLocks();
    }

    /**
     * Releases every ShedLock lock. The rows stay: ShedLock remembers which lock rows it created and from then on
     * only updates them, so a deleted row would read as "held by someone else".
     */
    private void releaseLocks() {
        jdbc.update("update shedlock set lock_until = '2000-01-01 00:00:00'");
    }

    @AfterEach
    void reset() {
        clock.reset();
        TestLogin.logout();
    }

    private static String to(MimeMessage m) throws Exception {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Address::toString)
                .collect(Collectors.joining(","));
    }

    /** The decoded text and HTML parts of a mail, joined. */
    private static String body(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                out.append(body(multipart.getBodyPart(i))).append('\n');
            }
            return out.toString();
        }
        return part.isMimeType("text/*") ? "[" + part.getContentType() + "]\n" + content : "";
    }

    /** The decoded part of a mail with this MIME type (text/plain, text/html). */
    private static String part(jakarta.mail.Part part, String type) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return part.isMimeType(type) ? (String) content : null;
    }

    /**
     * How the HTML lays out in a phone's mail client (375 px, mobile viewport rules, Chromium): what reads badly,
     * empty when nothing does. Without a viewport meta the page is laid out 980 px wide and scaled down; a table
     * cell narrower than three characters breaks a Chinese word one character per line.
     */
    private static List<String> phoneProblems(String html) {
        try (com.microsoft.playwright.Playwright pw = org.rectify.testing.Chromium.playwright();
             com.microsoft.playwright.Browser browser = org.rectify.testing.Chromium.launch(pw)) {
            com.microsoft.playwright.BrowserContext phone = browser.newContext(
                    new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(375, 740)
                            .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
            com.microsoft.playwright.Page page = phone.newPage();
            page.setContent(html);
            @SuppressWarnings("unchecked")
            List<String> problems = (List<String>) page.evaluate("""
                    () => {
                      const problems = [];
                      const doc = document.documentElement;
                      if (doc.clientWidth > 375) problems.push('laid out ' + doc.clientWidth + ' px wide');
                      if (doc.scrollWidth > doc.clientWidth + 1) problems.push('scrolls sideways: ' + doc.scrollWidth);
                      for (const c of document.querySelectorAll('td, th')) {
                        const text = c.innerText.trim();
                        if (!text) continue;
                        const st = getComputedStyle(c);
                        const width = c.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight);
                        const fs = parseFloat(st.fontSize);
                        if (width < Math.min(3, text.length) * fs - 1)
                          problems.push('"' + text.slice(0, 12) + '" in a cell ' + Math.round(width) + ' px wide');
                      }
                      return problems;
                    }""");
            return problems;
        }
    }

    private Map<String, MimeMessage> receivedByRecipient() throws Exception {
        Map<String, MimeMessage> byTo = new java.util.HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            assertThat(byTo.put(to(m), m)).as("one mail per recipient: " + to(m)).isNull();
        }
        return byTo;
    }

    @Test
    void aDaysRunSendsEachPersonOneDigestWithTheirItemsAndASecondRunNothing() throws Exception {
        ReminderService.RunReport first = reminders.runDailyDigest();
        assertThat(first.recorded()).isEqualTo(4);
        assertThat(first.withoutAddress()).isEmpty();
        jobs.sendOutbox(); // the scheduled sender, under its ShedLock lock
        assertThat(mails.countByStatus(MailStatus.SENT)).isEqualTo(4);

        Map<String, MimeMessage> mail = receivedByRecipient();
        assertThat(mail).containsOnlyKeys("secretary@test.example.org", "member@test.example.org",
                "contact-a@test.example.org", "contact-b@test.example.org");

        MimeMessage secretary = mail.get("secretary@test.example.org");
        assertThat(secretary.getSubject()).isEqualTo("【整改提醒】您有2项整改逾期、2项即将到期");
        String body = body(secretary);
        assertThat(body).contains("M-OVERDUE", "M-PENDING-OVERDUE", "M-DUE-TODAY", "M-DUE-SOON",
                        "http://rectify.test/ledger/item/" + fixture.id("M-OVERDUE"), "今日到期", "逾期1天")
                .doesNotContain("M-DUE-8", "M-CLOSED", "M-EXTENDED", "M-LONG");

        MimeMessage member = mail.get("member@test.example.org");
        assertThat(member.getSubject()).isEqualTo("【整改提醒】您有1项整改逾期、1项长期未报送进展");
        assertThat(body(member))
                .as("long-term without deadline is stale, never overdue; the extended item uses its new date; "
                        + "closed items never appear")
                .contains("M-LAST-OVERDUE", "M-LONG-STALE")
                .doesNotContain("M-LONG-FRESH", "M-EXTENDED", "M-CLOSED-LATE", "M-LAST-CLOSED");

        assertThat(mail.get("contact-a@test.example.org").getSubject())
                .isEqualTo("【整改提醒】您有3项整改逾期、1项即将到期");
        assertThat(mail.get("contact-b@test.example.org").getSubject())
                .isEqualTo("【整改提醒】您有1项长期未报送进展");
        assertThat(body).as("a plain-text part too").contains("[text/plain", "[text/html");

        // The job again the same day (a restart, a second instance): nothing new recorded, nothing resent.
        ReminderService.RunReport second = reminders.runDailyDigest();
        assertThat(second.recorded()).isZero();
        assertThat(second.alreadyRecorded()).isEqualTo(4);
        assertThat(outbox.sendDue()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(4);
    }

    @Test
    void withSmtpDownMailsFailAndTheRetrySendsEachExactlyOnce() throws Exception {
        reminders.runDailyDigest();
        smtp.stop();
        assertThat(outbox.sendDue()).isZero();
        List<OutboxMail> failed = mails.findAll();
        assertThat(failed).hasSize(4).allSatisfy(m -> {
            assertThat(m.getStatus()).isEqualTo(MailStatus.FAILED);
            assertThat(m.getAttempts()).isEqualTo(1);
            assertThat(m.getLastError()).isNotBlank();
            assertThat(m.getNextAttemptAt()).isAfter(m.getCreatedAt());
        });

        smtp.start();
        assertThat(outbox.sendDue()).as("not before the pause is over").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(outbox.sendDue()).isEqualTo(4);
        assertThat(outbox.sendDue()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(4);
        assertThat(receivedByRecipient()).hasSize(4);
        assertThat(mails.findAll()).allSatisfy(m -> assertThat(m.getStatus()).isEqualTo(MailStatus.SENT));
    }

    @Test
    void attemptsAreBounded() {
        reminders.runDailyDigest();
        smtp.stop();
        for (int i = 0; i < 8; i++) {
            outbox.sendDue();
            clock.advance(Duration.ofHours(13));
        }
        assertThat(mails.findAll()).allSatisfy(m -> {
            assertThat(m.getAttempts()).isEqualTo(6);
            assertThat(m.getNextAttemptAt()).as("given up: waits for the office").isNull();
        });
    }

    @Test
    void twoInstancesRunningTheJobAtOnceSendEachMailOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> runs = List.of(
                    pool.submit(() -> {
                        start.await();
                        return jobs.dailyDigest();
                    }),
                    pool.submit(() -> {
                        start.await();
                        return jobs.dailyDigest();
                    }));
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
            // And two senders racing over the same outbox.
            reminders.runDailyDigest();
            CountDownLatch again = new CountDownLatch(1);
            List<Future<Integer>> senders = List.of(pool.submit(() -> {
                again.await();
                return outbox.sendDue();
            }), pool.submit(() -> {
                again.await();
                return outbox.sendDue();
            }));
            again.countDown();
            int sent = 0;
            for (Future<Integer> s : senders) {
                sent += s.get();
            }
            assertThat(sent).isLessThanOrEqualTo(4);
        } finally {
            pool.shutdown();
        }
        assertThat(mails.count()).isEqualTo(4);
        assertThat(smtp.getReceivedMessages()).hasSize(4);
        assertThat(receivedByRecipient()).hasSize(4);
    }

    @Test
    void aMailInterruptedMidSendIsNotResentAutomatically() {
        reminders.runDailyDigest();
        long id = mails.findAll().get(0).getId();
        jdbc.update("update mail_outbox set status = 'SENDING' where id = ?", id);
        clock.advance(Duration.ofMinutes(30));
        assertThat(outbox.sendDue()).isEqualTo(3);
        OutboxMail interrupted = mails.findById(id).orElseThrow();
        assertThat(interrupted.getStatus()).isEqualTo(MailStatus.FAILED);
        assertThat(interrupted.getLastError()).startsWith("INTERRUPTED");
        assertThat(outbox.sendNow(id)).as("the office may decide to send it").isTrue();
    }

    @Test
    void theSecretaryGetsOneWeeklyEscalationOfLongOverdueItems() throws Exception {
        ReminderService.RunReport report = reminders.runEscalation();
        assertThat(report.recorded()).isEqualTo(1);
        assertThat(reminders.runEscalation().recorded()).as("once a week").isZero();
        outbox.sendDue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(to(mail)).isEqualTo("secretary@test.example.org");
        assertThat(mail.getSubject()).isEqualTo("【整改督办】1项整改逾期超过14天，请督促落实");
        assertThat(body(mail)).contains("M-LAST-OVERDUE")
                .doesNotContain("M-OVERDUE<", "M-PENDING-OVERDUE");
    }

    @Test
    void theWeeklySummaryCarriesTheDashboardsNumbers() throws Exception {
        assertThat(reminders.runWeeklySummary().recorded()).isEqualTo(2);
        outbox.sendDue();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).startsWith("【整改周报】完成率");
        assertThat(body(mail)).contains("部门甲", "阶段性整改");
    }

    @Test
    void eventMailsTellTheContactAndTheOfficeAndEscapeUserText() throws Exception {
        long id = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, LedgerFixture.CONTACT_A_PERSON,
                MeasureType.PHASED, TODAY.plusDays(20), "<b>加粗</b>措施");
        fixture.login(LedgerFixture.CONTACT_A);
        java.nio.file.Path pdf = java.nio.file.Files.createTempFile("e", ".pdf");
        java.nio.file.Files.write(pdf, "%PDF-1.4 test".getBytes());
        workflow.requestClosing(id, measures.findById(id).orElseThrow().getVersion(), "已完成",
                List.of(new EvidenceStorage.StagedFile(pdf, "a.pdf", 13)));
        fixture.login(LedgerFixture.OFFICE);
        workflow.sendBack(id, measures.findById(id).orElseThrow().getVersion(), "<script>alert('x')</script>材料不全");
        outbox.sendDue();

        Map<String, MimeMessage> mail = receivedByRecipient();
        assertThat(mail.get("office@test.example.org").getSubject()).startsWith("【销号申请】部门甲：");
        MimeMessage returned = mail.get("contact-a@test.example.org");
        assertThat(returned.getSubject()).startsWith("【整改退回】");
        String html = mails.findAll().stream().filter(m -> m.getKind() == MailKind.RETURNED).findFirst()
                .orElseThrow().getBodyHtml();
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;材料不全", "&lt;b&gt;加粗&lt;/b&gt;")
                .doesNotContain("<script>", "<b>加粗");
    }

    // --- issue 11 ---

    @Test
    void mailsComeFromThePortalByNameAsTextAndHtmlAlternativesWithSubjectLinesWithinRfcLimits() throws Exception {
        long id = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, LedgerFixture.CONTACT_A_PERSON,
                MeasureType.PHASED, TODAY.plusDays(20), "建立健全理论学习中心组学习制度，完善第一议题制度，推动学习成果转化为工作实效");
        fixture.login(LedgerFixture.CONTACT_A);
        java.nio.file.Path pdf = java.nio.file.Files.createTempFile("e", ".pdf");
        java.nio.file.Files.write(pdf, "%PDF-1.4 test".getBytes());
        workflow.requestClosing(id, measures.findById(id).orElseThrow().getVersion(), "已完成",
                List.of(new EvidenceStorage.StagedFile(pdf, "a.pdf", 13)));
        reminders.runDailyDigest();
        outbox.sendDue();

        Map<String, MimeMessage> mail = receivedByRecipient();
        assertThat(mail).hasSize(5);
        for (MimeMessage m : mail.values()) {
            jakarta.mail.internet.InternetAddress from = (jakarta.mail.internet.InternetAddress) m.getFrom()[0];
            assertThat(from.getPersonal()).isEqualTo("整改台账管理平台");
            assertThat(from.getAddress()).isEqualTo("rectify@localhost");
            assertThat(m.getContentType()).as("no attachment: text and HTML as alternatives")
                    .startsWith("multipart/alternative");
            String raw = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(m);
            String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
            List<String> subject = new java.util.ArrayList<>();
            for (String line : headers.split("\r\n")) {
                if (line.startsWith("Subject:") || !subject.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                    subject.add(line);
                } else if (!subject.isEmpty()) {
                    break;
                }
            }
            assertThat(subject).as("the Subject header of " + m.getSubject()).isNotEmpty()
                    .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(78));
        }
        MimeMessage office = mail.get("office@test.example.org");
        assertThat(office.getSubject()).as("decoded whole again, though folded over several lines")
                .startsWith("【销号申请】部门甲：建立健全理论学习中心组学习制度，完善第一议题制度，推动").endsWith("…");
    }

    @Test
    void theTextPartSaysWhatTheHtmlSays() throws Exception {
        long id = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, LedgerFixture.CONTACT_A_PERSON,
                MeasureType.PHASED, TODAY.plusDays(20), "文本措施");
        fixture.login(LedgerFixture.CONTACT_A);
        java.nio.file.Path pdf = java.nio.file.Files.createTempFile("e", ".pdf");
        java.nio.file.Files.write(pdf, "%PDF-1.4 test".getBytes());
        workflow.requestClosing(id, measures.findById(id).orElseThrow().getVersion(), "已建立制度并执行",
                List.of(new EvidenceStorage.StagedFile(pdf, "a.pdf", 13)));
        long other = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, LedgerFixture.CONTACT_A_PERSON,
                MeasureType.PHASED, TODAY.plusDays(20), "延期措施");
        var request = workflow.requestExtension(other, measures.findById(other).orElseThrow().getVersion(),
                TODAY.plusDays(50), "需协调外单位");
        fixture.login(LedgerFixture.OFFICE);
        workflow.decideExtension(request.getId(), measures.findById(other).orElseThrow().getVersion(), true, null);
        reminders.runDailyDigest();
        outbox.sendDue();

        MimeMessage secretary = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return to(m).equals("secretary@test.example.org");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        String digest = part(secretary, "text/plain");
        assertThat(digest).contains("今日到期", "您作为责任领导，以下整改事项需要关注").doesNotContain("0天后到期");
        List<OutboxMail> events = mails.findAll();
        String closing = events.stream().filter(m -> m.getKind() == MailKind.CLOSE_REQUESTED).findFirst()
                .orElseThrow().getBodyText();
        assertThat(closing).contains("完成情况：已建立制度并执行", "责任单位：部门甲", "整改时限：", "办理人：")
                .doesNotContain("意见：");
        String decided = events.stream().filter(m -> m.getKind() == MailKind.EXTENSION_DECIDED).findFirst()
                .orElseThrow().getBodyText();
        assertThat(decided.lines()).as("a decision without a note leaves no empty line")
                .noneMatch(line -> line.strip().equals("-"))
                .contains("  - 整改时限：" + TODAY.plusDays(50));
        assertThat(decided).doesNotContain("意见：");
    }

    @Test
    void mailsReadOnAPhone() throws Exception {
        long id = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, LedgerFixture.CONTACT_A_PERSON,
                MeasureType.PHASED, TODAY.plusDays(20), "手机措施");
        reminders.runDailyDigest();
        reminders.runEscalation();
        reminders.runWeeklySummary();
        fixture.login(LedgerFixture.CONTACT_A);
        var request = workflow.requestExtension(id, measures.findById(id).orElseThrow().getVersion(),
                TODAY.plusDays(50), "需协调外单位，时间较长，需要较多的准备工作");
        outbox.sendDue();
        java.util.Set<MailKind> kinds = new java.util.HashSet<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String subject = m.getSubject();
            OutboxMail sent = mails.findAll().stream().filter(o -> o.getSubject().equals(subject)).findFirst()
                    .orElseThrow();
            if (kinds.add(sent.getKind())) {
                assertThat(phoneProblems(part(m, "text/html"))).as(sent.getKind() + ": " + m.getSubject()).isEmpty();
            }
        }
        assertThat(kinds).contains(MailKind.DIGEST, MailKind.ESCALATION, MailKind.WEEKLY,
                MailKind.EXTENSION_REQUESTED);
        assertThat(request.getId()).isNotNull();
    }

    @Test
    void aLeaderWhoIsAlsoAContactGetsOneDigest() throws Exception {
        // The secretary leads items and is also the contact of one item led by a member, and of one they lead.
        long asContact = fixture.freshItem(LedgerFixture.A, LedgerFixture.MEMBER, LedgerFixture.SECRETARY,
                MeasureType.PHASED, TODAY.plusDays(2), "联络员身份措施");
        long both = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, LedgerFixture.SECRETARY,
                MeasureType.PHASED, TODAY.plusDays(4), "双重身份措施");
        try {
            ReminderService.RunReport report = reminders.runDailyDigest();
            assertThat(report.recorded()).as("secretary, member, two contacts: one mail each").isEqualTo(4);
            outbox.sendDue();
            Map<String, MimeMessage> mail = receivedByRecipient(); // fails on a second mail to anyone
            MimeMessage secretary = mail.get("secretary@test.example.org");
            assertThat(secretary.getSubject()).isEqualTo("【整改提醒】您有2项整改逾期、4项即将到期");
            String html = part(secretary, "text/html");
            assertThat(html).contains("您作为责任领导和联络员", "联络员身份措施", "M-OVERDUE");
            assertThat(html.split("双重身份措施", -1)).as("an item they lead and report on, once").hasSize(2);
        } finally {
            // Out of the due-soon window again, for the other tests' counts.
            jdbc.update("update measure set deadline = ? where id in (?, ?)", TODAY.plusDays(300), asContact, both);
        }
    }

    @Test
    void theWeeklySummaryNamesTheMeetingItCovers() throws Exception {
        reminders.runWeeklySummary();
        outbox.sendDue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(part(mail, "text/html")).contains("统计范围", LedgerFixture.CURRENT_MEETING + "（2026-01-20召开）");
        assertThat(part(mail, "text/plain")).contains("统计范围：" + LedgerFixture.CURRENT_MEETING);
    }

    @Test
    void anExtensionRequestMailsTheOffice() throws Exception {
        long id = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, LedgerFixture.CONTACT_A_PERSON,
                MeasureType.PHASED, TODAY.plusDays(20), "申请延期的措施");
        fixture.login(LedgerFixture.CONTACT_A);
        workflow.requestExtension(id, measures.findById(id).orElseThrow().getVersion(), TODAY.plusDays(60),
                "涉及外部审批，需延期");
        outbox.sendDue();
        MimeMessage office = receivedByRecipient().get("office@test.example.org");
        assertThat(office).isNotNull();
        assertThat(office.getSubject()).startsWith("【延期申请】部门甲：申请延期的措施");
        assertThat(part(office, "text/plain")).contains("由 " + TODAY.plusDays(20) + " 延至 " + TODAY.plusDays(60),
                "申请理由：涉及外部审批，需延期", "http://rectify.test/ledger/item/" + id);
        assertThat(part(office, "text/html")).contains("申请理由", "涉及外部审批，需延期");
    }

    @Test
    void aScheduledRunMissedWhileDownRunsOnceOnStartUp() throws Exception {
        // Monday 09:30: the digest (07:30), the escalation (07:40) and the weekly summary (08:00) were missed.
        assertThat(missedRuns.runMissed(new java.util.ArrayList<>()))
                .containsExactly("dailyDigest", "escalation", "weeklySummary");
        assertThat(smtp.getReceivedMessages()).hasSize(4 + 1 + 2);
        // Started again the same day: the runs happened, nothing is run or sent again.
        releaseLocks();
        assertThat(missedRuns.runMissed(new java.util.ArrayList<>())).isEmpty();
        assertThat(mails.count()).isEqualTo(7);

        // Tuesday 06:30: today's digest is not due yet; this week's mails were sent.
        clock.advance(Duration.ofHours(21));
        assertThat(missedRuns.runMissed(new java.util.ArrayList<>())).isEmpty();
        // Tuesday 08:30, the instance was down at 07:30: the digest runs, the weekly mails do not.
        clock.advance(Duration.ofHours(2));
        releaseLocks();
        assertThat(missedRuns.runMissed(new java.util.ArrayList<>())).containsExactly("dailyDigest");
        assertThat(mails.findAll().stream().filter(m -> m.getKind() == MailKind.WEEKLY)).hasSize(2);
    }

    @Test
    void aMissedRunWhoseLockAnotherInstanceHoldsIsLeftToItAndReported() {
        // A killed instance's lock: held until its lockAtMostFor runs out.
        jdbc.update("insert into shedlock (name, lock_until, locked_at, locked_by) values ('dailyDigest',"
                + " date_add(utc_timestamp(3), interval 4 minute), utc_timestamp(3), 'killed') on duplicate key update"
                + " lock_until = values(lock_until), locked_at = values(locked_at), locked_by = values(locked_by)");
        List<String> locked = new java.util.ArrayList<>();
        assertThat(missedRuns.runMissed(locked)).doesNotContain("dailyDigest");
        assertThat(locked).containsExactly("dailyDigest");
        assertThat(mails.findAll()).noneMatch(m -> m.getKind() == MailKind.DIGEST);
    }
}
