package org.rectify.ledger;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.rectify.base.domain.AbstractEntity;

/** 延期申请: a unit asks for a later deadline; the office approves or refuses it. */
@Entity
@Table(name = "extension_request")
public class ExtensionRequest extends AbstractEntity {

    public enum Status {
        PENDING, APPROVED, REFUSED
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "measure_id")
    private Measure measure;

    private LocalDate currentDeadline;
    private LocalDate requestedDeadline;
    private String reason;

    @Enumerated(EnumType.STRING)
    private Status status = Status.PENDING;

    private String requestedBy;
    private LocalDateTime requestedAt;
    private String decidedBy;
    private LocalDateTime decidedAt;
    private String decisionNote;

    protected ExtensionRequest() {
    }

    ExtensionRequest(Measure measure, LocalDate requestedDeadline, String reason, String requestedBy,
            LocalDateTime at) {
        this.measure = measure;
        this.currentDeadline = measure.getDeadline();
        this.requestedDeadline = requestedDeadline;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = at;
    }

    void decide(boolean approve, String by, LocalDateTime at, String note) {
        this.status = approve ? Status.APPROVED : Status.REFUSED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionNote = note;
    }

    public Measure getMeasure() {
        return measure;
    }

    public LocalDate getCurrentDeadline() {
        return currentDeadline;
    }

    public LocalDate getRequestedDeadline() {
        return requestedDeadline;
    }

    public String getReason() {
        return reason;
    }

    public Status getStatus() {
        return status;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public LocalDateTime getRequestedAt() {
        return requestedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getDecisionNote() {
        return decisionNote;
    }
}
