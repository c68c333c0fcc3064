package org.rectify.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.envers.RelationTargetAuditMode;
import org.rectify.base.domain.AbstractEntity;
import org.rectify.org.Person;
import org.rectify.org.Unit;

/**
 * 整改措施: one row of the rectification ledger (整改台账). Overdue, due soon and stale are derived, never
 * stored: see {@link MeasureRules}.
 */
@Entity
@Table(name = "measure")
@Audited
@EntityListeners(MeasureCreation.class)
public class Measure extends AbstractEntity {

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "problem_id")
    private Problem problem;

    /** 序号 within the problem. */
    private int seqNo;

    @NotBlank
    @Size(max = 2000)
    private String content;

    /** 责任领导: a committee member. */
    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "leader_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    private Person leader;

    /** 责任单位. */
    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    private Unit unit;

    /** 联络员 of the unit who reports progress. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contact_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    private Person contact;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "measure_type")
    private MeasureType type;

    /** 整改时限 in force (after any approved extension); empty for long-term measures. */
    private LocalDate deadline;

    /** The deadline first set, kept on record once an extension is approved. */
    private LocalDate originalDeadline;

    @NotNull
    @Enumerated(EnumType.STRING)
    private MeasureStatus status = MeasureStatus.NOT_STARTED;

    @Min(0)
    @Max(100)
    private int progress;

    /** 整改进展: the latest progress statement. */
    @Size(max = 2000)
    private String progressNote;

    private LocalDate lastProgressOn;

    /** 完成/销号 date. */
    private LocalDate completedOn;

    /** 事项编号 of the sheet it was imported from, when the sheet had one: re-imports match on it. */
    @Size(max = 64)
    private String itemCode;

    /*
     * Copies of the problem's number and the meeting's id and date: the ledger's order, served by one index on
     * this table instead of a sort across three (V7). Set when the measure is attached to its problem; a meeting's
     * new date is written to its measures by MeetingService.
     */
    @NotAudited
    @Column(name = "meeting_id", nullable = false)
    private Long meetingId;

    @NotAudited
    @Column(name = "meeting_held_on", nullable = false)
    private LocalDate meetingHeldOn;

    @NotAudited
    @Column(name = "problem_seq", nullable = false)
    private int problemSeq;

    /** The day the measure entered the portal: set once by {@link MeasureCreation}, never changed. */
    @NotAudited
    @Column(name = "created_on", updatable = false)
    private LocalDate createdOn;

    protected Measure() {
    }

    public Measure(String content, Person leader, Unit unit, Person contact, MeasureType type, LocalDate deadline) {
        assign(content, leader, unit, contact, type, deadline);
    }

    void attachTo(Problem problem, int seqNo) {
        this.problem = problem;
        this.seqNo = seqNo;
        syncSortKeys();
    }

    /** The meeting may get its id only when it is saved with its first problems: read the keys again then. */
    @PrePersist
    void syncSortKeys() {
        if (problem != null) {
            problemSeq = problem.getSeqNo();
            meetingId = problem.getMeeting().getId();
            meetingHeldOn = problem.getMeeting().getHeldOn();
        }
    }

    public LocalDate getMeetingHeldOn() {
        return meetingHeldOn;
    }

    public LocalDate getCreatedOn() {
        return createdOn;
    }

    void stampCreated(LocalDate day) {
        if (createdOn == null) {
            createdOn = day;
        }
    }

    @AssertTrue(message = "{measure.deadlineRequired}")
    boolean isDeadlinePresentUnlessLongTerm() {
        return type == null || type == MeasureType.LONG_TERM || deadline != null;
    }

    public boolean isOverdue(LocalDate today) {
        return MeasureRules.isOverdue(this, today);
    }

    /** Closed after the deadline in force: not overdue any more, but on record as late. */
    public boolean isClosedLate() {
        return status == MeasureStatus.CLOSED && deadline != null && completedOn != null
                && completedOn.isAfter(deadline);
    }

    /** A progress report (整改进展); a returned or not-started item is in progress again. Via the workflow only. */
    void recordProgress(LocalDate on, int percent, String note) {
        this.progress = percent;
        this.progressNote = note;
        this.lastProgressOn = on;
        if (status == MeasureStatus.NOT_STARTED || status == MeasureStatus.RETURNED) {
            status = MeasureStatus.IN_PROGRESS;
        }
    }

    /** A refused application for closing: progress and statement go back to what was accepted before it. */
    void revertProgress(int percent, String note) {
        this.progress = percent;
        this.progressNote = note;
    }

    /** A status change; closing completes the item on the given day. Via the workflow only. */
    void moveTo(MeasureStatus newStatus, LocalDate on) {
        this.status = newStatus;
        if (newStatus == MeasureStatus.CLOSED) {
            this.progress = 100;
            this.completedOn = on;
        } else {
            this.completedOn = null;
        }
    }

    /** An approved extension: the new date applies, the first one stays on record. Via the workflow only. */
    void extendDeadline(LocalDate newDeadline) {
        if (originalDeadline == null) {
            originalDeadline = deadline;
        }
        deadline = newDeadline;
    }

    /** An office edit moved the deadline: the first one stays on record, as after an extension. */
    void keepOriginalDeadline(LocalDate before) {
        if (originalDeadline == null && before != null) {
            originalDeadline = before;
        }
    }

    /** Office edits of the ledger row itself (not its progress). */
    void edit(String content, Person leader, Unit unit, Person contact, MeasureType type, LocalDate deadline) {
        assign(content, leader, unit, contact, type, deadline);
    }

    private void assign(String content, Person leader, Unit unit, Person contact, MeasureType type,
            LocalDate deadline) {
        this.content = content;
        this.leader = leader;
        this.unit = unit;
        this.contact = contact;
        this.type = type;
        this.deadline = deadline;
    }

    /**
     * The state of an item brought in from an existing ledger (an Excel sheet, the demo): recorded as it stands,
     * without a workflow history. Everything that happens afterwards goes through the workflow.
     */
    public void importState(MeasureStatus status, int progress, String progressNote, LocalDate lastProgressOn,
            LocalDate completedOn) {
        this.status = status;
        this.progress = status == MeasureStatus.CLOSED ? 100 : progress;
        this.progressNote = progressNote;
        this.lastProgressOn = lastProgressOn;
        this.completedOn = status == MeasureStatus.CLOSED ? completedOn : null;
    }

    /** The deadline in force for an imported row whose extension was approved before the import. */
    public void setImportedDeadline(LocalDate deadlineInForce) {
        extendDeadline(deadlineInForce);
    }

    public Problem getProblem() {
        return problem;
    }

    public int getSeqNo() {
        return seqNo;
    }

    public String getContent() {
        return content;
    }

    public Person getLeader() {
        return leader;
    }

    public Unit getUnit() {
        return unit;
    }

    public Person getContact() {
        return contact;
    }

    public MeasureType getType() {
        return type;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public LocalDate getOriginalDeadline() {
        return originalDeadline;
    }

    public MeasureStatus getStatus() {
        return status;
    }

    public int getProgress() {
        return progress;
    }

    public String getProgressNote() {
        return progressNote;
    }

    public LocalDate getLastProgressOn() {
        return lastProgressOn;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }

    public String getItemCode() {
        return itemCode;
    }

    public void setItemCode(String itemCode) {
        this.itemCode = itemCode;
    }
}
