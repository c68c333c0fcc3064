package org.rectify.ledger;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.rectify.security.Actor;

/** One step on a ledger item's timeline: who did what, when, with the status and deadline before and after. */
@Entity
@Table(name = "measure_event")
public class MeasureEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "measure_id")
    private Measure measure;

    @Enumerated(EnumType.STRING)
    private EventKind kind;

    /** When it was recorded. */
    private LocalDateTime happenedAt;

    /** The day it refers to: the report day, or the day an urging was given. */
    private LocalDate eventDate;

    private Long actorId;
    private String actorName;
    private String note;
    private Integer progress;

    @Enumerated(EnumType.STRING)
    private MeasureStatus fromStatus;

    @Enumerated(EnumType.STRING)
    private MeasureStatus toStatus;

    private LocalDate oldDeadline;
    private LocalDate newDeadline;

    /** 督办: who urged (a leader, or the office), as recorded by the office. */
    private String urgedBy;

    protected MeasureEvent() {
    }

    MeasureEvent(Measure measure, EventKind kind, LocalDateTime at, LocalDate eventDate, Actor actor, String note) {
        this.measure = measure;
        this.kind = kind;
        this.happenedAt = at;
        this.eventDate = eventDate;
        this.actorId = actor == null ? null : actor.userId();
        this.actorName = actor == null ? "系统" : actor.displayName();
        this.note = note;
    }

    /** A step of an item's past brought in with an existing ledger (an Excel sheet, the demo). */
    public static MeasureEvent imported(Measure measure, EventKind kind, LocalDateTime at, String actorName,
            String note, Integer progress, MeasureStatus from, MeasureStatus to) {
        MeasureEvent e = new MeasureEvent(measure, kind, at, at.toLocalDate(), null, note);
        e.actorName = actorName;
        e.progress = progress;
        e.fromStatus = from;
        e.toStatus = to;
        return e;
    }

    MeasureEvent status(MeasureStatus from, MeasureStatus to) {
        this.fromStatus = from;
        this.toStatus = to;
        return this;
    }

    MeasureEvent progress(Integer percent) {
        this.progress = percent;
        return this;
    }

    MeasureEvent deadlines(LocalDate from, LocalDate to) {
        this.oldDeadline = from;
        this.newDeadline = to;
        return this;
    }

    MeasureEvent urgedBy(String name) {
        this.urgedBy = name;
        return this;
    }

    public Long getId() {
        return id;
    }

    public Measure getMeasure() {
        return measure;
    }

    public EventKind getKind() {
        return kind;
    }

    public LocalDateTime getHappenedAt() {
        return happenedAt;
    }

    public LocalDate getEventDate() {
        return eventDate;
    }

    public String getActorName() {
        return actorName;
    }

    public String getNote() {
        return note;
    }

    public Integer getProgress() {
        return progress;
    }

    public MeasureStatus getFromStatus() {
        return fromStatus;
    }

    public MeasureStatus getToStatus() {
        return toStatus;
    }

    public LocalDate getOldDeadline() {
        return oldDeadline;
    }

    public LocalDate getNewDeadline() {
        return newDeadline;
    }

    public String getUrgedBy() {
        return urgedBy;
    }
}
