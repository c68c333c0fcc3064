package org.rectify.security;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One login attempt (登录日志): who tried, when, from where, and how it ended. Written once, never changed. */
@Entity
@Table(name = "login_event")
public class LoginEvent {

    /** How an attempt ended. Only {@link #FAILURE} counts towards a lock. */
    public enum Outcome {
        SUCCESS, FAILURE, LOCKED, DISABLED, THROTTLED;

        public String messageKey() {
            return "loginLog.outcome." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private LocalDateTime at;

    /** As typed (shortened): also attempts at logins that do not exist are kept. */
    private String username;

    private Long accountId;

    private String address;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    protected LoginEvent() {
    }

    LoginEvent(LocalDateTime at, String username, Long accountId, String address, Outcome outcome) {
        this.at = at;
        this.username = username;
        this.accountId = accountId;
        this.address = address;
        this.outcome = outcome;
    }

    public Long getId() {
        return id;
    }

    public LocalDateTime getAt() {
        return at;
    }

    public String getUsername() {
        return username;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getAddress() {
        return address;
    }

    public Outcome getOutcome() {
        return outcome;
    }
}
