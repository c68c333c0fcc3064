package org.rectify.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.testing.TestConfig.TODAY;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.dashboard.DashboardService.Dashboard;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureRepository;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.TestLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every dashboard figure against a count computed here, independently: the fixture's measures are loaded and
 * counted in Java with this test's own reading of the rules, at the edges (due today, no deadline, closed late,
 * extended deadline).
 */
abstract class DashboardServiceContract {

    @Autowired
    DashboardService dashboard;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    MeasureRepository measures;
    @Autowired
    TransactionTemplate tx;

    /** What the test knows about each measure, read without the application's rules. */
    record Row(String name, String unit, String category, MeasureType type, MeasureStatus status,
               LocalDate deadline, LocalDate lastReport, LocalDate meetingDay, LocalDate completedOn) {
        boolean closed() {
            return status == MeasureStatus.CLOSED;
        }

        boolean overdue() {
            return !closed() && deadline != null && deadline.isBefore(TODAY);
        }

        boolean dueSoon() {
            return !closed() && deadline != null && !deadline.isBefore(TODAY) && !deadline.isAfter(TODAY.plusDays(7));
        }

        boolean stale() {
            LocalDate last = lastReport != null ? lastReport : meetingDay;
            return type == MeasureType.LONG_TERM && !closed() && last.isBefore(TODAY.minusDays(30));
        }

        boolean atRisk() {
            LocalDate last = lastReport != null ? lastReport : meetingDay;
            return !closed() && deadline != null && !deadline.isBefore(TODAY)
                    && !deadline.isAfter(TODAY.plusDays(14)) && last.isBefore(TODAY.minusDays(30));
        }
    }

    private List<Row> rows(Predicate<Row> which) {
        fixture.ensure();
        List<Row> all = tx.execute(s -> measures.findAll().stream()
                .filter(m -> m.getUnit().getCode().startsWith("T-"))
                .map(DashboardServiceContract::row).toList());
        return all.stream().filter(which).toList();
    }

    private static Row row(Measure m) {
        return new Row(m.getContent(), m.getUnit().getName(), m.getProblem().getCategory().getName(), m.getType(),
                m.getStatus(), m.getDeadline(), m.getLastProgressOn(), m.getProblem().getMeeting().getHeldOn(),
                m.getCompletedOn());
    }

    private static long count(List<Row> rows, Predicate<Row> p) {
        return rows.stream().filter(p).count();
    }

    @BeforeEach
    void login() {
        fixture.login(LedgerFixture.OFFICE);
    }

    @AfterEach
    void logout() {
        TestLogin.logout();
    }

    @Test
    void keyFiguresEqualIndependentCounts() {
        List<Row> all = rows(r -> true);
        Dashboard d = dashboard.load(new LedgerFilter());
        assertThat(d.kpis().total()).isEqualTo(all.size()).isEqualTo(12);
        assertThat(d.kpis().closed()).isEqualTo(count(all, Row::closed));
        assertThat(d.kpis().open()).isEqualTo(count(all, r -> !r.closed()));
        assertThat(d.kpis().overdue()).isEqualTo(count(all, Row::overdue)).isEqualTo(3);
        assertThat(d.kpis().dueSoon()).isEqualTo(count(all, Row::dueSoon)).isEqualTo(2);
        assertThat(d.kpis().stale()).isEqualTo(count(all, Row::stale)).isEqualTo(1);
        assertThat(d.kpis().atRisk()).as("M-DUE-SOON and M-DUE-8: due within 14 days, nothing reported since the "
                + "meeting").isEqualTo(count(all, Row::atRisk)).isEqualTo(2);
        assertThat(d.kpis().completionPercent()).isEqualTo((int) (count(all, Row::closed) * 100 / all.size()));
    }

    @Test
    void everySeriesEqualsIndependentCounts() {
        List<Row> all = rows(r -> true);
        Dashboard d = dashboard.load(new LedgerFilter());
        assertThat(d.byUnit()).extracting(DashboardService.UnitBar::unit)
                .as("the units below the committee, each with its sub-units; unit order, not ranking")
                .containsExactly("部门甲", "部门乙");
        assertThat(d.byUnit()).extracting(DashboardService.UnitBar::hasSubUnits).containsExactly(true, false);
        java.util.Map<String, List<String>> subtree = java.util.Map.of("部门甲", List.of("部门甲", "支部甲一"),
                "部门乙", List.of("部门乙"));
        for (DashboardService.UnitBar bar : d.byUnit()) {
            List<Row> mine = all.stream().filter(r -> subtree.get(bar.unit()).contains(r.unit())).toList();
            assertThat(bar.closed()).as(bar.unit()).isEqualTo(count(mine, Row::closed));
            assertThat(bar.overdue()).as(bar.unit()).isEqualTo(count(mine, Row::overdue));
            assertThat(bar.onTrack()).as(bar.unit()).isEqualTo(count(mine, r -> !r.closed() && !r.overdue()));
        }
        for (DashboardService.CategorySlice slice : d.byCategory()) {
            assertThat(slice.total()).as(slice.category())
                    .isEqualTo(count(all, r -> r.category().equals(slice.category())));
        }
        assertThat(d.byCategory().stream().mapToLong(DashboardService.CategorySlice::total).sum())
                .isEqualTo(all.size());
        for (var t : d.byType()) {
            List<Row> ofType = all.stream().filter(r -> r.type() == t.type()).toList();
            assertThat(t.closed()).as(t.type().name()).isEqualTo(count(ofType, Row::closed));
            assertThat(t.open()).as(t.type().name()).isEqualTo(count(ofType, r -> !r.closed()));
        }
        DashboardService.Period last = d.trend().get(d.trend().size() - 1);
        assertThat(last.closedToDate()).isEqualTo(count(all, r -> r.completedOn() != null));
        assertThat(last.dueToDate()).as("items without a deadline are never due").isEqualTo(
                count(all, r -> r.deadline() != null));
        assertThat(d.trend()).extracting(DashboardService.Period::start)
                .allMatch(day -> day.getDayOfWeek() == java.time.DayOfWeek.MONDAY);
        for (int i = 1; i < d.trend().size(); i++) {
            assertThat(d.trend().get(i).closedToDate()).isGreaterThanOrEqualTo(d.trend().get(i - 1).closedToDate());
        }
    }

    @Test
    void alertsAreOldestFirstWithDaysAndRisk() {
        Dashboard d = dashboard.load(new LedgerFilter());
        assertThat(d.overdue()).extracting(DashboardService.Alert::content)
                .containsExactly("M-LAST-OVERDUE", "M-PENDING-OVERDUE", "M-OVERDUE");
        assertThat(d.overdue()).extracting(DashboardService.Alert::days)
                .containsExactly(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2025, 12, 31), TODAY), 2L,
                        1L);
        assertThat(d.dueSoon()).extracting(DashboardService.Alert::content, DashboardService.Alert::days,
                        DashboardService.Alert::atRisk)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("M-DUE-TODAY", 0L, false),
                        org.assertj.core.groups.Tuple.tuple("M-DUE-SOON", 3L, true));
    }

    @Test
    void aMeetingSelectionNarrowsEverything() {
        List<Row> last = rows(r -> r.meetingDay().equals(LocalDate.of(2025, 1, 16)));
        Dashboard d = dashboard.load(new LedgerFilter().setMeetingId(fixture.id(LedgerFixture.LAST_MEETING)));
        assertThat(d.kpis().total()).isEqualTo(last.size()).isEqualTo(2);
        assertThat(d.kpis().overdue()).isEqualTo(count(last, Row::overdue));
    }

    @Test
    void aUnitContactSeesTheirUnitsNumbersOnly() {
        fixture.login(LedgerFixture.CONTACT_A);
        List<Row> mine = rows(r -> r.unit().equals("部门甲") || r.unit().equals("支部甲一"));
        Dashboard d = dashboard.load(new LedgerFilter());
        assertThat(d.kpis().total()).isEqualTo(mine.size()).isEqualTo(7);
        assertThat(d.kpis().closed()).isEqualTo(count(mine, Row::closed));
        assertThat(d.kpis().overdue()).isEqualTo(count(mine, Row::overdue));
        assertThat(d.byUnit()).as("their own unit's items, then each sub-unit").extracting(
                DashboardService.UnitBar::unit, DashboardService.UnitBar::own).containsExactly(
                org.assertj.core.groups.Tuple.tuple("部门甲", true), org.assertj.core.groups.Tuple.tuple("支部甲一", false));
        assertThat(d.overdue()).extracting(DashboardService.Alert::unit).isSubsetOf("部门甲", "支部甲一");
        assertThat(dashboard.overdueCount()).isEqualTo(count(mine, Row::overdue));
    }
}
