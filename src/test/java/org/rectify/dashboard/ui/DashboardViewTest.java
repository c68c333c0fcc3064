package org.rectify.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.AnchorsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.base.ui.chart.ApexChart;
import org.rectify.base.ui.chart.ChartOptions;
import org.rectify.dashboard.DashboardService;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.ui.LedgerView;
import org.rectify.testing.H2Test;
import org.rectify.testing.Karibu;
import org.rectify.testing.LedgerFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The dashboard view (Karibu-Testing): its charts carry the service's series; cards and clicks open the ledger. */
@H2Test
class DashboardViewTest {


    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    DashboardService dashboard;
    @Autowired
    LedgerService ledger;

    @BeforeEach
    void setUp() {
        fixture.login(LedgerFixture.OFFICE);
        Karibu.start(context);
    }

    @AfterEach
    void tearDown() {
        Karibu.stop();
    }

    private static DashboardView view() {
        return _get(DashboardView.class);
    }

    private static Map<String, List<String>> query() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters();
    }

    @Test
    void theStartPageIsTheDashboardWithItsChartsAndSeries() {
        UI.getCurrent().navigate("");
        assertThat(view().base().getMeetingId()).as("the latest meeting by default")
                .isEqualTo(fixture.id(LedgerFixture.CURRENT_MEETING));
        UI.getCurrent().navigate("dashboard", com.vaadin.flow.router.QueryParameters.simple(Map.of("meeting", "all")));
        var expected = dashboard.load(new LedgerFilter());
        Map<String, ApexChart> charts = view().charts();
        assertThat(charts).containsOnlyKeys("unit", "category", "type", "trend");

        ChartOptions unit = charts.get("unit").getOptions();
        assertThat(unit.chart().type()).isEqualTo("bar");
        assertThat(unit.chart().stacked()).isTrue();
        assertThat(unit.dataLabels().enabled()).as("no figure on every segment").isFalse();
        assertThat(unit.plotOptions().bar()).as("one figure per bar: its total")
                .containsEntry("dataLabels", Map.of("total", Map.of("enabled", true, "offsetX", 4)));
        assertThat(unit.xaxis().categories()).as("the units below the committee, with their sub-units")
                .containsExactly("部门甲（含下级）", "部门乙");
        @SuppressWarnings("unchecked")
        List<ChartOptions.Series> series = (List<ChartOptions.Series>) unit.series();
        assertThat(series).extracting(ChartOptions.Series::name).containsExactly("已销号", "未销号且未逾期", "逾期");
        assertThat(List.copyOf(series.get(0).data())).isEqualTo(
                expected.byUnit().stream().map(DashboardService.UnitBar::closed).toList());
        assertThat(List.copyOf(series.get(2).data())).isEqualTo(List.of(3L, 0L));

        ChartOptions category = charts.get("category").getOptions();
        assertThat(category.chart().type()).isEqualTo("donut");
        assertThat(category.labels()).containsExactly("思想", "作风", "廉洁");
        assertThat(List.copyOf(category.series())).isEqualTo(List.of(4L, 3L, 5L));

        assertThat(charts.get("type").getOptions().xaxis().categories())
                .containsExactly("即知即改", "阶段性整改", "长期整改");
        assertThat(charts.get("trend").getOptions().chart().type()).isEqualTo("line");
        assertThat(com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively(
                _get(Anchor.class, spec -> spec.withId("kpi-total")))).isEqualTo("12整改措施");
        assertThat(_get(view(), Span.class, spec -> spec.withClasses("type-summary")).getText())
                .as("problems, not measures: P1, P3 and P4 phased and open, P2 long-term")
                .isEqualTo("已整改即知即改类问题0个，正在落实阶段性整改问题3个、长期整改问题1个。");
    }

    @Test
    void aKeyFigureOpensTheLedgerFilteredToExactlyThoseItems() {
        UI.getCurrent().navigate("dashboard", com.vaadin.flow.router.QueryParameters.simple(Map.of("meeting", "all")));
        Anchor overdue = _get(Anchor.class, spec -> spec.withId("kpi-overdue"));
        assertThat(overdue.getHref()).isEqualTo("ledger?overdue=1");
        AnchorsKt._click(overdue);
        LedgerView ledger = _get(LedgerView.class);
        assertThat(query()).containsEntry("overdue", List.of("1"));
        assertThat(com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively(ledger)).contains("共 3 项");

        UI.getCurrent().navigate("dashboard");
        Anchor open = _get(Anchor.class, spec -> spec.withId("kpi-open"));
        assertThat(open.getHref()).isEqualTo("ledger?meeting=" + fixture.id(LedgerFixture.CURRENT_MEETING)
                + "&open=1");
    }

    @Test
    void theOpenCardNamesWhatItCountsAndItsLedgerShowsExactlyThatMany() {
        UI.getCurrent().navigate("dashboard", com.vaadin.flow.router.QueryParameters.simple(Map.of("meeting", "all")));
        Anchor card = _get(Anchor.class, spec -> spec.withId("kpi-open"));
        long number = Long.parseLong(_get(card, Span.class, spec -> spec.withClasses("kpi-value")).getText());
        String label = _get(card, Span.class, spec -> spec.withClasses("kpi-label")).getText();
        long inProgressStatus = ledger.count(new LedgerFilter().setStatus(MeasureStatus.IN_PROGRESS), null);
        assertThat(number).as("the fixture tells the two apart").isNotEqualTo(inProgressStatus);
        assertThat(label).as("not the name of the 整改中 status, which counts %d", inProgressStatus)
                .isNotEqualTo(card.getTranslation(MeasureStatus.IN_PROGRESS.messageKey()));

        AnchorsKt._click(card);
        String page = com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively(_get(LedgerView.class));
        assertThat(page).as("the drill-down names the same condition and shows the same number")
                .contains(card.getTranslation("ledger.flag.open"))
                .contains(card.getTranslation("ledger.summary.total", number));
        assertThat(card.getTranslation("ledger.flag.open")).endsWith(label);
        assertThat(ledger.count(new LedgerFilter().setOpenOnly(true), null)).isEqualTo(number);
    }

    @Test
    void clickingABarOrSliceOpensTheLedgerForIt() {
        UI.getCurrent().navigate("dashboard", com.vaadin.flow.router.QueryParameters.simple(Map.of("meeting", "all")));
        ApexChart unit = view().charts().get("unit");
        assertThat(unit.getOptions().xaxis().categories()).containsExactly("部门甲（含下级）", "部门乙");
        // A unit with sub-units opens one level down: its own items and each sub-unit.
        ComponentUtil.fireEvent(unit, new ApexChart.DataPointSelectionEvent(unit, true, 2, 0));
        assertThat(query()).containsEntry("unit", List.of(String.valueOf(fixture.id(LedgerFixture.A))));
        unit = view().charts().get("unit");
        assertThat(unit.getOptions().xaxis().categories()).containsExactly("部门甲（本级）", "支部甲一");
        // The level's own bar opens the ledger on exactly those items.
        ComponentUtil.fireEvent(unit, new ApexChart.DataPointSelectionEvent(unit, true, 2, 0));
        assertThat(query()).containsEntry("unit", List.of(String.valueOf(fixture.id(LedgerFixture.A))))
                .containsEntry("overdue", List.of("1"));
        _get(LedgerView.class);

        UI.getCurrent().navigate("dashboard", com.vaadin.flow.router.QueryParameters.simple(Map.of("meeting", "all")));
        ApexChart category = view().charts().get("category");
        ComponentUtil.fireEvent(category, new ApexChart.DataPointSelectionEvent(category, true, 0, 1));
        assertThat(query()).containsKey("category");
        assertThat(com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively(_get(LedgerView.class)))
                .contains("共 3 项");
    }

    @Test
    void aUnitContactsDashboardIsTheirUnitsOnly() {
        fixture.login(LedgerFixture.CONTACT_A1);
        UI.getCurrent().navigate("dashboard", com.vaadin.flow.router.QueryParameters.simple(Map.of("meeting", "all")));
        assertThat(view().charts().get("unit").getOptions().xaxis().categories()).containsExactly("支部甲一");
        assertThat(com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively(
                _get(Anchor.class, spec -> spec.withId("kpi-total")))).isEqualTo("3整改措施");
    }
}
