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
                + "rectify_mail?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8",
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

    @BeforeEach
    void clean() {
        fixture.ensure();
        jdbc.update("delete from mail_outbox");
        jdbc.update("delete from shedlock");
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
                List.of(new EvidenceStorage.StagedFile(pdf, "a.pdf", "application/pdf", 13)));
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
}
