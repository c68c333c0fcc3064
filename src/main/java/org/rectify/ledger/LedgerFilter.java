package org.rectify.ledger;

import java.time.LocalDate;
import java.util.Objects;
import org.rectify.base.Texts;

/**
 * What the ledger shows: every filter of the ledger page, the dashboard's drill-downs and the mails. Empty fields
 * do not filter. Mutable so that a form can bind to it; {@link #copy()} before handing it on.
 */
public class LedgerFilter {

    private Long meetingId;
    private Integer year;
    /** The unit and all its sub-units … */
    private Long unitId;
    /** … or that unit's own items only (as the ledger's and the dashboard's per-unit totals count them). */
    private boolean unitOnly;
    private Long categoryId;
    private ProblemSource source;
    private MeasureType type;
    private MeasureStatus status;
    private Long leaderId;
    /** The contact person (联络员) named on the measure: whose digest it is. */
    private Long contactId;
    private LocalDate deadlineFrom;
    private LocalDate deadlineTo;
    private boolean overdueOnly;
    /** Not closed and due from today up to this many days ahead. */
    private Integer dueWithinDays;
    private boolean staleOnly;
    /** 未销号: open in the sense of MeasureRules.open (neither closed nor carried over, overdue included). */
    private boolean openOnly;
    /** Not closed and not overdue. */
    private boolean onTrackOnly;
    /** Due soon with no recent progress report: see {@link MeasureRules#isAtRisk}. */
    private boolean atRiskOnly;
    /** Free text over the problem description and the measure text. */
    private String text;

    public LedgerFilter copy() {
        LedgerFilter c = new LedgerFilter();
        c.meetingId = meetingId;
        c.year = year;
        c.unitId = unitId;
        c.unitOnly = unitOnly;
        c.categoryId = categoryId;
        c.source = source;
        c.type = type;
        c.status = status;
        c.leaderId = leaderId;
        c.contactId = contactId;
        c.deadlineFrom = deadlineFrom;
        c.deadlineTo = deadlineTo;
        c.overdueOnly = overdueOnly;
        c.dueWithinDays = dueWithinDays;
        c.staleOnly = staleOnly;
        c.openOnly = openOnly;
        c.onTrackOnly = onTrackOnly;
        c.atRiskOnly = atRiskOnly;
        c.text = text;
        return c;
    }

    public boolean isEmpty() {
        return equals(new LedgerFilter());
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public LedgerFilter setMeetingId(Long meetingId) {
        this.meetingId = meetingId;
        return this;
    }

    public Integer getYear() {
        return year;
    }

    public LedgerFilter setYear(Integer year) {
        this.year = year;
        return this;
    }

    public Long getUnitId() {
        return unitId;
    }

    public LedgerFilter setUnitId(Long unitId) {
        this.unitId = unitId;
        return this;
    }

    public boolean isUnitOnly() {
        return unitOnly;
    }

    public LedgerFilter setUnitOnly(boolean unitOnly) {
        this.unitOnly = unitOnly;
        return this;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public LedgerFilter setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
        return this;
    }

    public ProblemSource getSource() {
        return source;
    }

    public LedgerFilter setSource(ProblemSource source) {
        this.source = source;
        return this;
    }

    public MeasureType getType() {
        return type;
    }

    public LedgerFilter setType(MeasureType type) {
        this.type = type;
        return this;
    }

    public MeasureStatus getStatus() {
        return status;
    }

    public LedgerFilter setStatus(MeasureStatus status) {
        this.status = status;
        return this;
    }

    public Long getLeaderId() {
        return leaderId;
    }

    public LedgerFilter setLeaderId(Long leaderId) {
        this.leaderId = leaderId;
        return this;
    }

    public Long getContactId() {
        return contactId;
    }

    public LedgerFilter setContactId(Long contactId) {
        this.contactId = contactId;
        return this;
    }

    public LocalDate getDeadlineFrom() {
        return deadlineFrom;
    }

    public LedgerFilter setDeadlineFrom(LocalDate deadlineFrom) {
        this.deadlineFrom = deadlineFrom;
        return this;
    }

    public LocalDate getDeadlineTo() {
        return deadlineTo;
    }

    public LedgerFilter setDeadlineTo(LocalDate deadlineTo) {
        this.deadlineTo = deadlineTo;
        return this;
    }

    public boolean isOverdueOnly() {
        return overdueOnly;
    }

    public LedgerFilter setOverdueOnly(boolean overdueOnly) {
        this.overdueOnly = overdueOnly;
        return this;
    }

    public Integer getDueWithinDays() {
        return dueWithinDays;
    }

    public LedgerFilter setDueWithinDays(Integer dueWithinDays) {
        this.dueWithinDays = dueWithinDays;
        return this;
    }

    public boolean isStaleOnly() {
        return staleOnly;
    }

    public LedgerFilter setStaleOnly(boolean staleOnly) {
        this.staleOnly = staleOnly;
        return this;
    }

    public boolean isOpenOnly() {
        return openOnly;
    }

    public LedgerFilter setOpenOnly(boolean openOnly) {
        this.openOnly = openOnly;
        return this;
    }

    public boolean isOnTrackOnly() {
        return onTrackOnly;
    }

    public LedgerFilter setOnTrackOnly(boolean onTrackOnly) {
        this.onTrackOnly = onTrackOnly;
        return this;
    }

    public boolean isAtRiskOnly() {
        return atRiskOnly;
    }

    public LedgerFilter setAtRiskOnly(boolean atRiskOnly) {
        this.atRiskOnly = atRiskOnly;
        return this;
    }

    public String getText() {
        return text;
    }

    public LedgerFilter setText(String text) {
        this.text = Texts.orNull(text);
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LedgerFilter f)) {
            return false;
        }
        return overdueOnly == f.overdueOnly && staleOnly == f.staleOnly && openOnly == f.openOnly
                && unitOnly == f.unitOnly
                && onTrackOnly == f.onTrackOnly && atRiskOnly == f.atRiskOnly && Objects.equals(meetingId, f.meetingId)
                && Objects.equals(year, f.year) && Objects.equals(unitId, f.unitId)
                && Objects.equals(categoryId, f.categoryId) && source == f.source && type == f.type
                && status == f.status && Objects.equals(leaderId, f.leaderId) && Objects.equals(contactId, f.contactId)
                && Objects.equals(deadlineFrom, f.deadlineFrom) && Objects.equals(deadlineTo, f.deadlineTo)
                && Objects.equals(dueWithinDays, f.dueWithinDays) && Objects.equals(text, f.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(meetingId, year, unitId, unitOnly, categoryId, source, type, status, leaderId, contactId,
                deadlineFrom,
                deadlineTo, overdueOnly, dueWithinDays, staleOnly, openOnly, onTrackOnly, atRiskOnly, text);
    }
}
