package org.rectify.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.rectify.base.domain.AbstractEntity;

/** One mail in the outbox: recorded before it is sent, kept after. */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail extends AbstractEntity {

    private String idemKey;

    @Enumerated(EnumType.STRING)
    private MailKind kind;

    private Long personId;
    private String recipientName;
    private String recipientEmail;
    private String subject;

    /** Plain strings in a longtext column: H2 reads longtext as varchar, MySQL as longtext; both validate. */
    @Column(columnDefinition = "longtext")
    private String bodyHtml;

    @Column(columnDefinition = "longtext")
    private String bodyText;

    @Enumerated(EnumType.STRING)
    private MailStatus status;

    private int attempts;
    private LocalDateTime nextAttemptAt;
    private String lastError;
    private LocalDateTime createdAt;
    private LocalDateTime sentAt;

    protected OutboxMail() {
    }

    OutboxMail(String idemKey, MailKind kind, Recipient to, String subject, String bodyHtml, String bodyText,
            MailStatus status, LocalDateTime now) {
        this.idemKey = idemKey;
        this.kind = kind;
        this.personId = to.personId();
        this.recipientName = to.name();
        this.recipientEmail = to.email();
        this.subject = subject;
        this.bodyHtml = bodyHtml;
        this.bodyText = bodyText;
        this.status = status;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** What happens next to a mail that did not go: the office's log tells these apart. */
    public enum Next {
        /** Nothing is pending: sent, or not failed. */
        NONE,
        /** Failed; the sender tries again by itself at {@link #getNextAttemptAt()}. */
        WILL_RETRY,
        /** Failed as often as allowed: only the office's "retry" sends it. */
        GAVE_UP,
        /**
         * The sender stopped while talking to the server (a restart): the server may have delivered it. Never
         * retried by itself; resending by hand may deliver it twice.
         */
        INTERRUPTED
    }

    public Next next() {
        if (status != MailStatus.FAILED) {
            return Next.NONE;
        }
        if (lastError != null && lastError.startsWith(Outbox.INTERRUPTED)) {
            return Next.INTERRUPTED;
        }
        return nextAttemptAt == null ? Next.GAVE_UP : Next.WILL_RETRY;
    }

    void sent(LocalDateTime at) {
        status = MailStatus.SENT;
        sentAt = at;
        lastError = null;
        attempts++;
    }

    void failed(String error, LocalDateTime nextAttempt, boolean giveUp) {
        status = MailStatus.FAILED;
        attempts++;
        lastError = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        nextAttemptAt = giveUp ? null : nextAttempt;
    }

    /** The office asks to send (again) now. */
    void requeue(LocalDateTime now) {
        status = MailStatus.PENDING;
        nextAttemptAt = now;
    }

    void noServer() {
        status = MailStatus.NO_SERVER;
    }

    public String getIdemKey() {
        return idemKey;
    }

    public MailKind getKind() {
        return kind;
    }

    public Long getPersonId() {
        return personId;
    }

    public String getRecipientName() {
        return recipientName;
    }

    public String getRecipientEmail() {
        return recipientEmail;
    }

    public String getSubject() {
        return subject;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getBodyText() {
        return bodyText;
    }

    public MailStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public LocalDateTime getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getSentAt() {
        return sentAt;
    }
}
