package org.rectify.base.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionListener;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** One Envers revision: a transaction that changed audited entities, with who made it and when. */
@Entity
@Table(name = "revinfo")
@RevisionEntity(AuditRevision.Listener.class)
public class AuditRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    private Long id;

    @RevisionTimestamp
    @Column(name = "rev_timestamp")
    private long timestamp;

    private String username;

    public Long getId() {
        return id;
    }

    public Instant getInstant() {
        return Instant.ofEpochMilli(timestamp);
    }

    public String getUsername() {
        return username;
    }

    /**
     * Stamps each revision with the logged-in user, or "system" for start-up and jobs, and the time by the
     * application's one clock (see {@code TimeConfig}), so that the history's "as of a date" agrees with "today"
     * everywhere else, tests' fixed days included. Hibernate asks Spring's bean container for the listener, which
     * injects the clock of its own context.
     */
    public static class Listener implements RevisionListener {

        private java.time.Clock clock;

        @org.springframework.beans.factory.annotation.Autowired
        public void setClock(java.time.Clock clock) {
            this.clock = clock;
        }

        @Override
        public void newRevision(Object revision) {
            if (clock == null) {
                throw new IllegalStateException("The revision listener was not created by Spring: no clock");
            }
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            AuditRevision r = (AuditRevision) revision;
            r.username = auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
            r.timestamp = clock.millis();
        }
    }
}
