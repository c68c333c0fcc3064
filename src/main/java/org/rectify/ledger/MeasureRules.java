package org.rectify.ledger;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;

/**
 * The one definition of "overdue" (逾期), "due soon" (临期) and "stale" (长期未更新). Each rule exists as a SQL
 * predicate (for filters, counts and group totals) and as a Java check (for the row in hand); both live here,
 * side by side, and a test holds them to the same answers.
 */
public final class MeasureRules {

    private MeasureRules() {
    }

    /** Overdue: a deadline in force that has passed (due today is not overdue) and the item is not closed. */
    public static boolean isOverdue(Measure m, LocalDate today) {
        return m.getDeadline() != null && m.getStatus() != MeasureStatus.CLOSED && m.getDeadline().isBefore(today);
    }

    public static Predicate overdue(CriteriaBuilder cb, Path<Measure> m, LocalDate today) {
        return cb.and(notClosed(cb, m), cb.lessThan(m.get("deadline"), today));
    }

    /** Due soon: not closed, deadline from today up to {@code days} days ahead (inclusive). */
    public static boolean isDueWithin(Measure m, LocalDate today, int days) {
        return m.getDeadline() != null && m.getStatus() != MeasureStatus.CLOSED
                && !m.getDeadline().isBefore(today) && !m.getDeadline().isAfter(today.plusDays(days));
    }

    public static Predicate dueWithin(CriteriaBuilder cb, Path<Measure> m, LocalDate today, int days) {
        return cb.and(notClosed(cb, m), cb.between(m.get("deadline"), today, today.plusDays(days)));
    }

    /**
     * Stale: a long-term measure, not closed, whose last progress report (or, before the first one, the meeting
     * date) is more than {@code periodDays} ago.
     */
    public static boolean isStale(Measure m, LocalDate today, int periodDays) {
        if (m.getType() != MeasureType.LONG_TERM || m.getStatus() == MeasureStatus.CLOSED) {
            return false;
        }
        LocalDate last = m.getLastProgressOn() != null ? m.getLastProgressOn()
                : m.getProblem().getMeeting().getHeldOn();
        return last.isBefore(today.minusDays(periodDays));
    }

    public static Predicate stale(CriteriaBuilder cb, Path<Measure> m, Path<LocalDate> meetingHeldOn,
            LocalDate today, int periodDays) {
        Expression<LocalDate> last = cb.coalesce(m.<LocalDate>get("lastProgressOn"), meetingHeldOn);
        return cb.and(cb.equal(m.get("type"), MeasureType.LONG_TERM), notClosed(cb, m),
                cb.lessThan(last, today.minusDays(periodDays)));
    }

    /** On track: not closed and not overdue (items without a deadline included). */
    public static Predicate onTrack(CriteriaBuilder cb, Path<Measure> m, LocalDate today) {
        Path<LocalDate> deadline = m.get("deadline");
        return cb.and(notClosed(cb, m), cb.or(cb.isNull(deadline), cb.greaterThanOrEqualTo(deadline, today)));
    }

    /** "At risk": due within this many days … */
    public static final int AT_RISK_WINDOW_DAYS = 14;
    /** … and no progress report for this many days. */
    public static final int AT_RISK_SILENT_DAYS = 30;

    /**
     * At risk: not closed, due within {@link #AT_RISK_WINDOW_DAYS} days, and no progress report (or, before the
     * first one, the meeting) for more than {@link #AT_RISK_SILENT_DAYS} days.
     */
    public static boolean isAtRisk(Measure m, LocalDate today) {
        if (!isDueWithin(m, today, AT_RISK_WINDOW_DAYS)) {
            return false;
        }
        LocalDate last = m.getLastProgressOn() != null ? m.getLastProgressOn()
                : m.getProblem().getMeeting().getHeldOn();
        return last.isBefore(today.minusDays(AT_RISK_SILENT_DAYS));
    }

    public static Predicate atRisk(CriteriaBuilder cb, Path<Measure> m, Path<LocalDate> meetingHeldOn,
            LocalDate today) {
        Expression<LocalDate> last = cb.coalesce(m.<LocalDate>get("lastProgressOn"), meetingHeldOn);
        return cb.and(dueWithin(cb, m, today, AT_RISK_WINDOW_DAYS),
                cb.lessThan(last, today.minusDays(AT_RISK_SILENT_DAYS)));
    }

    public static Predicate closed(CriteriaBuilder cb, Path<Measure> m) {
        return cb.equal(m.get("status"), MeasureStatus.CLOSED);
    }

    public static Predicate notClosed(CriteriaBuilder cb, Path<Measure> m) {
        return cb.notEqual(m.get("status"), MeasureStatus.CLOSED);
    }
}
