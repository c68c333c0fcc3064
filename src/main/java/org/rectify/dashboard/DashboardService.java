package org.rectify.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerGrouping;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.LedgerService.LedgerTotals;
import org.rectify.ledger.LedgerService.TypeTotals;
import org.rectify.ledger.LedgerSort;
import org.rectify.ledger.Measure;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.rectify.meeting.MeetingService;
import org.rectify.recurrence.RecurrenceService;
import org.rectify.security.Actor;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leadership dashboard's numbers. Everything comes from the ledger's own aggregate queries
 * ({@link LedgerService}): the same scope, the same filters and the same definitions of overdue, due soon, stale
 * and at risk as the ledger page and the reminder mails. Nothing here loads the measures to count them.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    static final int ALERT_ROWS = 10;
    /** Beyond this many weeks the trend is drawn per month instead, to stay readable. */
    static final int MAX_WEEKS = 60;

    private final LedgerService ledger;
    private final MeetingService meetings;
    private final RecurrenceService recurrences;
    private final CurrentUser currentUser;

    @PersistenceContext
    private EntityManager em;

    public DashboardService(LedgerService ledger, MeetingService meetings, RecurrenceService recurrences,
            CurrentUser currentUser) {
        this.ledger = ledger;
        this.meetings = meetings;
        this.recurrences = recurrences;
        this.currentUser = currentUser;
    }

    /** A meeting whose rectification list is not filed with the superior committee in time (会后N天内报备案). */
    public record FilingAlert(long meetingId, String meeting, LocalDate dueOn, long daysLate) {
    }

    /**
     * What the leadership must not miss beyond the ledger's figures: late filings, and problems confirmed as
     * recurring (整改后反弹回潮) with those still to be decided. Empty for unit contacts.
     */
    public record Notices(List<FilingAlert> filing, long recurring, long recurringSuspected) {
        public boolean isEmpty() {
            return filing.isEmpty() && recurring == 0 && recurringSuspected == 0;
        }
    }

    public Notices notices(LedgerFilter base) {
        Actor actor = currentUser.require();
        if (!actor.is(Role.OFFICE) && !actor.is(Role.LEADER)) {
            return new Notices(List.of(), 0, 0);
        }
        LocalDate today = ledger.today();
        List<FilingAlert> filing = meetings.filingOverdue().stream()
                .filter(m -> base.getMeetingId() == null || m.getId().equals(base.getMeetingId()))
                .map(m -> new FilingAlert(m.getId(), m.getTitle(), m.filingDueOn(),
                        ChronoUnit.DAYS.between(m.filingDueOn(), today)))
                .toList();
        return new Notices(filing, recurrences.confirmedCount(base.getMeetingId()),
                recurrences.suspectedCount(base.getMeetingId()));
    }

    /** How far a new installation has come: what the set-up checklist shows until a ledger exists. */
    public record SetupProgress(long units, long people, long committee, long categories, long meetings,
                                long measures) {
    }

    public SetupProgress setupProgress() {
        if (!currentUser.require().is(Role.OFFICE)) {
            throw new org.rectify.base.NotAllowedException("access.officeOnly");
        }
        return new SetupProgress(count("select count(u) from Unit u where u.active = true"),
                count("select count(p) from Person p where p.active = true"),
                count("select count(p) from Person p where p.active = true and p.committeeMember = true"),
                count("select count(c) from Category c where c.active = true"),
                count("select count(m) from Meeting m"),
                count("select count(m) from Measure m"));
    }

    private long count(String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }

    /**
     * Closed / on track / overdue of one unit of the level shown, with its sub-units ({@code own}: the level's own
     * items only); see {@link LedgerService#unitRollup}.
     */
    public record UnitBar(long unitId, String unit, boolean own, boolean hasSubUnits, long closed, long onTrack,
                          long overdue) {
    }

    public record CategorySlice(long categoryId, String category, long total) {
    }

    /** Closed and due per period, and both summed up to that period (the burn-up). */
    public record Period(LocalDate start, long closed, long due, long closedToDate, long dueToDate) {
    }

    /** One line of the alerts panel; {@code days} overdue (positive) or left (zero or more when due soon). */
    public record Alert(long measureId, String content, String unit, String leader, LocalDate deadline, long days,
                        boolean atRisk) {
    }

    public record Dashboard(LedgerTotals kpis, List<UnitBar> byUnit, List<CategorySlice> byCategory,
                            List<TypeTotals> byType, LedgerService.ProblemTypeTotals problemTypes,
                            List<Period> trend, boolean trendMonthly,
                            List<Alert> overdue, List<Alert> dueSoon) {
    }

    /** The whole dashboard for the selection (meeting/year/unit) in {@code base}, within the user's scope. */
    public Dashboard load(LedgerFilter base) {
        LedgerService.TotalsWithTypes totals = ledger.totalsWithTypes(base);
        LedgerTotals kpis = totals.totals();
        List<UnitBar> units = ledger.unitRollup(base).stream()
                .map(u -> new UnitBar(u.unitId(), u.unit(), u.own(), u.hasSubUnits(), u.closed(),
                        u.open() - u.overdue(), u.overdue()))
                .toList();
        List<CategorySlice> categories = ledger.groupTotals(base, LedgerGrouping.CATEGORY).stream()
                .map(g -> new CategorySlice(g.key(), g.label(), g.total()))
                .toList();
        Trend trend = trend(base);
        return new Dashboard(kpis, units, categories, totals.byType(), ledger.problemTypeTotals(base),
                trend.periods(), trend.monthly(),
                alerts(base.copy().setOverdueOnly(true), true),
                alerts(base.copy().setDueWithinDays(ledger.dueSoonDays()), false));
    }

    private List<Alert> alerts(LedgerFilter filter, boolean overdue) {
        LocalDate today = ledger.today();
        // Oldest deadline first: the longest overdue, or the soonest due.
        List<Measure> rows = ledger.find(filter, null, 0, ALERT_ROWS,
                List.of(new LedgerSort(LedgerSort.Field.DEADLINE, true)));
        return rows.stream().map(m -> new Alert(m.getId(), m.getContent(), m.getUnit().getName(),
                m.getLeader().getName(), m.getDeadline(),
                overdue ? ChronoUnit.DAYS.between(m.getDeadline(), today)
                        : ChronoUnit.DAYS.between(today, m.getDeadline()),
                ledger.isAtRisk(m))).toList();
    }

    record Trend(List<Period> periods, boolean monthly) {
    }

    /**
     * Measures closed per week against measures due per week, from the first to the last date that matters
     * (never past today for "closed"). The counts per day come from SQL; only those few rows are bucketed here.
     */
    Trend trend(LedgerFilter base) {
        SortedMap<LocalDate, Long> due = ledger.countByDeadline(base);
        SortedMap<LocalDate, Long> closed = ledger.countByCompletion(base);
        if (due.isEmpty() && closed.isEmpty()) {
            return new Trend(List.of(), false);
        }
        LocalDate first = min(due, closed);
        LocalDate last = max(due, closed);
        boolean monthly = ChronoUnit.WEEKS.between(first, last) > MAX_WEEKS;
        TreeMap<LocalDate, long[]> buckets = new TreeMap<>();
        for (LocalDate d = start(first, monthly); !d.isAfter(last); d = monthly ? d.plusMonths(1) : d.plusWeeks(1)) {
            buckets.put(d, new long[2]);
        }
        closed.forEach((day, n) -> buckets.floorEntry(day).getValue()[0] += n);
        due.forEach((day, n) -> buckets.floorEntry(day).getValue()[1] += n);
        List<Period> periods = new ArrayList<>();
        long closedSum = 0;
        long dueSum = 0;
        for (var e : buckets.entrySet()) {
            closedSum += e.getValue()[0];
            dueSum += e.getValue()[1];
            periods.add(new Period(e.getKey(), e.getValue()[0], e.getValue()[1], closedSum, dueSum));
        }
        return new Trend(periods, monthly);
    }

    private static LocalDate start(LocalDate day, boolean monthly) {
        return monthly ? day.withDayOfMonth(1) : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static LocalDate min(SortedMap<LocalDate, Long> a, SortedMap<LocalDate, Long> b) {
        return java.util.stream.Stream.of(a, b).filter(m -> !m.isEmpty()).map(SortedMap::firstKey)
                .min(LocalDate::compareTo).orElseThrow();
    }

    private static LocalDate max(SortedMap<LocalDate, Long> a, SortedMap<LocalDate, Long> b) {
        return java.util.stream.Stream.of(a, b).filter(m -> !m.isEmpty()).map(SortedMap::lastKey)
                .max(LocalDate::compareTo).orElseThrow();
    }

    /** What the dashboard and the weekly summary show unless told otherwise: the latest meeting's ledger. */
    public LedgerFilter defaultSelection() {
        return new LedgerFilter().setMeetingId(ledger.latestMeetingId().orElse(null));
    }

    /** Overdue items in the user's scope, for the badge in the main layout. */
    public long overdueCount() {
        return ledger.overdueCount();
    }
}
