package org.rectify.mail;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rectify.base.Today;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox: mails are recorded first (idempotently, by key), then sent. Sending claims each mail before it
 * talks to the SMTP server, so that two senders never send the same mail; a failure is kept with its error and
 * retried with growing pauses up to a limit; a mail whose sender died mid-way is never resent automatically.
 */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    /** Pause before the n-th retry. */
    private static final Duration[] BACKOFF = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(12)};

    /**
     * How long one {@link #sendDue()} keeps claiming mails: what is left waits for the next round (30 s later).
     * Bounding a round bounds how long its ShedLock lock must be held (see {@link ReminderJobs}).
     */
    static final Duration SEND_BUDGET = Duration.ofMinutes(2);

    /** The error a mail interrupted mid-send is marked with; {@link OutboxMail#next()} reads it. */
    static final String INTERRUPTED = "INTERRUPTED";

    private final OutboxRepository repository;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailProperties properties;
    private final Today today;
    private final TransactionTemplate tx;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    public Outbox(OutboxRepository repository, ObjectProvider<JavaMailSender> mailSender, MailProperties properties,
            Today today, TransactionTemplate tx, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.mailSender = mailSender;
        this.properties = properties;
        this.today = today;
        this.tx = tx;
    }

    /** A mail to record: its key makes recording it twice a no-op. */
    public record Draft(String key, MailKind kind, Recipient to, String subject, String html, String text) {
    }

    public boolean hasServer() {
        return mailSender.getIfAvailable() != null;
    }

    /**
     * Records a mail unless one with the same key exists; returns whether it was new. Runs in the caller's
     * transaction when there is one (event mails commit with their event), else in its own.
     */
    public boolean enqueue(Draft d) {
        if (repository.existsByIdemKey(d.key())) {
            return false;
        }
        MailStatus status = status(d);
        try {
            repository.saveAndFlush(new OutboxMail(d.key(), d.kind(), d.to(), d.subject(), d.html(), d.text(), status,
                    today.now()));
            return true;
        } catch (DataIntegrityViolationException duplicate) {
            // Another instance recorded the same key a moment earlier: that is the point of the key.
            return false;
        }
    }

    /** Which of these keys are already recorded: one look-up (in one transaction, thousands of keys at a time). */
    public java.util.Set<String> recordedKeys(List<String> keys) {
        java.util.Set<String> found = new java.util.HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        tx.executeWithoutResult(s -> {
            for (int from = 0; from < keys.size(); from += 5000) {
                found.addAll(repository.findRecordedKeys(keys.subList(from, Math.min(keys.size(), from + 5000))));
            }
        });
        return found;
    }

    /**
     * Records many mails at once, those whose key is not recorded yet: in one transaction, one look-up of the keys,
     * then batched inserts (a job's thousands of mails, not thousands of round trips). Returns the keys recorded now.
     * Should another instance record some of the same keys meanwhile, the batch is undone and the mails are
     * recorded one by one, each idempotent as {@link #enqueue} is.
     */
    public java.util.Set<String> enqueueAll(List<Draft> drafts) {
        java.util.Map<String, Draft> byKey = new java.util.LinkedHashMap<>();
        drafts.forEach(d -> byKey.putIfAbsent(d.key(), d));
        if (byKey.isEmpty()) {
            return java.util.Set.of();
        }
        LocalDateTime now = today.now();
        try {
            return tx.execute(s -> {
                List<String> keys = List.copyOf(byKey.keySet());
                java.util.Set<String> recorded = new java.util.HashSet<>();
                for (int from = 0; from < keys.size(); from += 5000) {
                    recorded.addAll(repository.findRecordedKeys(keys.subList(from, Math.min(keys.size(), from + 5000))));
                }
                List<Object[]> rows = new ArrayList<>();
                java.util.Set<String> fresh = new java.util.LinkedHashSet<>();
                byKey.values().stream().filter(d -> !recorded.contains(d.key())).forEach(d -> {
                    fresh.add(d.key());
                    rows.add(new Object[] {d.key(), d.kind().name(), d.to().personId(), d.to().name(), d.to().email(),
                        d.subject(), d.html(), d.text(), status(d).name(), now, now});
                });
                for (int from = 0; from < rows.size(); from += 500) {
                    // The columns of OutboxMail's constructor, as it would insert them.
                    jdbc.batchUpdate("insert into mail_outbox (version, idem_key, kind, person_id, recipient_name,"
                            + " recipient_email, subject, body_html, body_text, status, attempts, next_attempt_at,"
                            + " created_at) values (0, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                            rows.subList(from, Math.min(rows.size(), from + 500)));
                }
                return fresh;
            });
        } catch (DataIntegrityViolationException raced) {
            java.util.Set<String> fresh = new java.util.LinkedHashSet<>();
            byKey.values().stream().filter(this::enqueue).forEach(d -> fresh.add(d.key()));
            return fresh;
        }
    }

    private MailStatus status(Draft d) {
        return !d.to().hasAddress() ? MailStatus.NO_ADDRESS : hasServer() ? MailStatus.PENDING : MailStatus.NO_SERVER;
    }

    /** Sends what is due; returns how many were sent. */
    public int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        recoverInterrupted();
        List<Long> due = repository.findDue(List.of(MailStatus.PENDING, MailStatus.FAILED), today.now(),
                properties.maxAttempts(), PageRequest.of(0, 100));
        int sent = 0;
        long until = System.nanoTime() + SEND_BUDGET.toNanos();
        for (long id : due) {
            if (System.nanoTime() > until) {
                break; // an unreachable server costs a connect timeout per mail: leave the rest to the next round
            }
            if (send(id, sender)) {
                sent++;
            }
        }
        return sent;
    }

    /** The office's "send now" / "retry": due at once, whatever the pause or the attempts so far. */
    public boolean sendNow(long id) {
        JavaMailSender sender = mailSender.getIfAvailable();
        tx.executeWithoutResult(s -> repository.findById(id).ifPresent(m -> {
            if (m.getStatus() != MailStatus.SENT && m.getStatus() != MailStatus.SENDING
                    && m.getStatus() != MailStatus.NO_ADDRESS) {
                if (sender == null) {
                    m.noServer();
                } else {
                    m.requeue(today.now());
                }
            }
        }));
        return sender != null && send(id, sender);
    }

    private boolean send(long id, JavaMailSender sender) {
        Boolean claimed = tx.execute(s -> repository.claim(id, today.now()) == 1);
        if (!Boolean.TRUE.equals(claimed)) {
            return false; // another sender has it, or it was sent meanwhile
        }
        OutboxMail mail = repository.findById(id).orElseThrow();
        String error = null;
        try {
            sender.send(message(sender, mail));
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Mail {} to {} failed: {}", id, mail.getRecipientEmail(), error);
        }
        String failure = error;
        tx.executeWithoutResult(s -> {
            OutboxMail m = repository.findById(id).orElseThrow();
            LocalDateTime now = today.now();
            if (failure == null) {
                m.sent(now);
            } else {
                int attempt = Math.min(m.getAttempts(), BACKOFF.length - 1);
                m.failed(failure, now.plus(BACKOFF[attempt]), m.getAttempts() + 1 >= properties.maxAttempts());
            }
        });
        return failure == null;
    }

    /**
     * The mail as it leaves: From with the portal's name; text and HTML as multipart/alternative (there are no
     * attachments, and a multipart/mixed root makes some clients show the text part as an attachment); the subject
     * as UTF-8 encoded-words, which Jakarta Mail folds so that no header line exceeds 76 characters (RFC 2047).
     */
    private MimeMessage message(JavaMailSender sender, OutboxMail mail) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        message.setFrom(new InternetAddress(properties.from(), properties.fromName(), "UTF-8"));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(mail.getRecipientEmail()));
        message.setSubject(mail.getSubject(), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.getBodyText(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.getBodyHtml(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        return message;
    }

    /**
     * A mail still SENDING long after it was claimed belongs to a sender that stopped (a restart). Whether the
     * server got it is unknown; resending could send it twice, so it is marked failed for the office to decide.
     */
    void recoverInterrupted() {
        LocalDateTime before = today.now().minus(properties.staleSendingAfter());
        tx.executeWithoutResult(s -> repository.findInterrupted(before).forEach(m -> m.failed(
                INTERRUPTED + ": 发送过程中断，无法确认是否已送达；请核实后手动重试", null, true)));
    }

    public Optional<OutboxMail> find(long id) {
        return repository.findById(id);
    }
}
