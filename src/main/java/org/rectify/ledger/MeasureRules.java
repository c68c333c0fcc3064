package org.rectify.ledger;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;

/**
 * The one definition of "overdue" (逾期), "due soon" (临期), "stale" (长期未更新) and "at risk". Each rule exists as a SQL
 * predicate (for filters, counts and group totals) and as a Java check (for the row in hand); both live here,
 * side by side, and a test holds them to the same answers.
 */
public final class MeasureRules {

    private MeasureRules() {
    }

    /**
     * Open: still to be worked on in this ledger — neither closed nor carried over into the next meeting's ledger
     * (a carried-over item is continued, and counted, there).
     */
    public static boolean isOpen(Measure m) {
        return !m.getStatus().isEnded();
    }

    public static Predicate open(CriteriaBuilder cb, Path<Measure> m) {
        return cb.not(m.get("status").in(MeasureStatus.CLOSED, MeasureStatus.CARRIED_OVER));
    }

    /** Overdue: open, with a deadline in force that has passed (due today is not overdue). */
    public static boolean isOverdue(Measure m, LocalDate today) {
        return isOverdue(m.getStatus(), m.getDeadline(), today);
    }

    /** The same check on a row's columns (a projection rather than an entity). */
    public static boolean isOverdue(MeasureStatus status, LocalDate deadline, LocalDate today) {
        return deadline != null && !status.isEnded() && deadline.isBefore(today);
    }

    public static Predicate overdue(CriteriaBuilder cb, Path<Measure> m, LocalDate today) {
        return cb.and(open(cb, m), cb.lessThan(m.get("deadline"), today));
    }

    /** Due soon: open, deadline from today up to {@code days} days ahead (inclusive). */
    public static boolean isDueWithin(Measure m, LocalDate today, int days) {
        return isDueWithin(m.getStatus(), m.getDeadline(), today, days);
    }

    public static boolean isDueWithin(MeasureStatus status, LocalDate deadline, LocalDate today, int days) {
        return deadline != null && !status.isEnded()
                && !deadline.isBefore(today) && !deadline.isAfter(today.plusDays(days));
    }

    public static Predicate dueWithin(CriteriaBuilder cb, Path<Measure> m, LocalDate today, int days) {
        return cb.and(open(cb, m), cb.between(m.get("deadline"), today, today.plusDays(days)));
    }

    /**
     * Since when an item counts as silent: its last progress report; before the first one, the later of the meeting
     * and the day the item was entered ({@code createdOn}, unknown for old rows: then the meeting). An item added
     * months after the meeting has not been silent since the meeting.
     */
    public static LocalDate silentSince(LocalDate lastProgressOn, LocalDate meetingHeldOn, LocalDate createdOn) {
        if (lastProgressOn != null) {
            return lastProgressOn;
        }
        return createdOn != null && createdOn.isAfter(meetingHeldOn) ? createdOn : meetingHeldOn;
    }

    /** The same in SQL, on the measure's own columns. */
    static Expression<LocalDate> silentSince(CriteriaBuilder cb, Path<Measure> m, Path<LocalDate> meetingHeldOn) {
        Path<LocalDate> createdOn = m.get("createdOn");
        Expression<LocalDate> start = cb.<LocalDate>selectCase()
                .when(cb.greaterThan(createdOn, meetingHeldOn), createdOn).otherwise(meetingHeldOn);
        return cb.coalesce(m.<LocalDate>get("lastProgressOn"), start);
    }

    /**
     * Stale: a long-term measure, open, silent (see {@link #silentSince}) for more than {@code periodDays}.
     */
    public static boolean isStale(Measure m, LocalDate today, int periodDays) {
        return isStale(m.getType(), m.getStatus(), m.getLastProgressOn(), m.getMeetingHeldOn(), m.getCreatedOn(),
                today, periodDays);
    }

    public static boolean isStale(MeasureType type, MeasureStatus status, LocalDate lastProgressOn,
            LocalDate meetingHeldOn, LocalDate createdOn, LocalDate today, int periodDays) {
        if (type != MeasureType.LONG_TERM || status.isEnded()) {
            return false;
        }
        return silentSince(lastProgressOn, meetingHeldOn, createdOn).isBefore(today.minusDays(periodDays));
    }

    public static Predicate stale(CriteriaBuilder cb, Path<Measure> m, Path<LocalDate> meetingHeldOn,
            LocalDate today, int periodDays) {
        return cb.and(cb.equal(m.get("type"), MeasureType.LONG_TERM), open(cb, m),
                cb.lessThan(silentSince(cb, m, meetingHeldOn), today.minusDays(periodDays)));
    }

    /** On track: open and not overdue (items without a deadline included). */
    public static Predicate onTrack(CriteriaBuilder cb, Path<Measure> m, LocalDate today) {
        Path<LocalDate> deadline = m.get("deadline");
        return cb.and(open(cb, m), cb.or(cb.isNull(deadline), cb.greaterThanOrEqualTo(deadline, today)));
    }

    /** "At risk": due within this many days … */
    public static final int AT_RISK_WINDOW_DAYS = 14;
    /** … and no progress report for this many days. */
    public static final int AT_RISK_SILENT_DAYS = 30;

    /**
     * At risk: open, due within {@link #AT_RISK_WINDOW_DAYS} days, and silent (see {@link #silentSince}) for more
     * than {@link #AT_RISK_SILENT_DAYS} days.
     */
    public static boolean isAtRisk(Measure m, LocalDate today) {
        if (!isDueWithin(m, today, AT_RISK_WINDOW_DAYS)) {
            return false;
        }
        return silentSince(m.getLastProgressOn(), m.getMeetingHeldOn(), m.getCreatedOn())
                .isBefore(today.minusDays(AT_RISK_SILENT_DAYS));
    }

    public static Predicate atRisk(CriteriaBuilder cb, Path<Measure> m, Path<LocalDate> meetingHeldOn,
            LocalDate today) {
        return cb.and(dueWithin(cb, m, today, AT_RISK_WINDOW_DAYS),
                cb.lessThan(silentSince(cb, m, meetingHeldOn), today.minusDays(AT_RISK_SILENT_DAYS)));
    }

    public static Predicate closed(CriteriaBuilder cb, Path<Measure> m) {
        return cb.equal(m.get("status"), MeasureStatus.CLOSED);
    }

    public static Predicate carriedOver(CriteriaBuilder cb, Path<Measure> m) {
        return cb.equal(m.get("status"), MeasureStatus.CARRIED_OVER);
    }
}
