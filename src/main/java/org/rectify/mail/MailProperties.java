package org.rectify.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reminder mail settings ({@code rectify.mail.*}). The SMTP server itself is Spring Boot's {@code spring.mail.*};
 * without {@code spring.mail.host} mails are still built and kept in the outbox, marked as not sent.
 *
 * @param from           sender address
 * @param fromName       the sender's display name, so that a mail client shows who writes rather than an address
 * @param baseUrl        the portal's address, for the links in mails
 * @param officeAddress  the party office's address: closing applications and missing addresses are reported there
 * @param dueSoonDays    default pre-deadline window of the digest (the office can change it in the portal)
 * @param escalationDays default: items overdue longer than this go to the secretary (office can change it)
 * @param maxAttempts    sending attempts before a mail stays failed
 * @param scheduling     run the jobs on their schedules (off in tests, which call them directly)
 */
@ConfigurationProperties(prefix = "rectify.mail")
public record MailProperties(String from, String fromName, String baseUrl, String officeAddress, Integer dueSoonDays,
                             Integer escalationDays, Integer maxAttempts, Boolean scheduling,
                             Duration staleSendingAfter) {

    public MailProperties {
        from = from == null || from.isBlank() ? "rectify@localhost" : from;
        fromName = fromName == null || fromName.isBlank() ? "整改台账管理平台" : fromName;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        dueSoonDays = dueSoonDays == null ? 7 : dueSoonDays;
        escalationDays = escalationDays == null ? 14 : escalationDays;
        maxAttempts = maxAttempts == null ? 6 : maxAttempts;
        scheduling = scheduling == null || scheduling;
        staleSendingAfter = staleSendingAfter == null ? Duration.ofMinutes(10) : staleSendingAfter;
    }
}
