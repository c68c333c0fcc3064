package org.rectify.ledger.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.testing.TestConfig.TODAY;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerGrouping;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemSource;
import org.rectify.base.domain.AbstractEntity;
import org.rectify.ledger.ui.LedgerRow.GroupRow;
import org.rectify.ledger.ui.LedgerRow.MeasureRow;
import org.rectify.testing.H2Test;
import org.rectify.testing.Karibu;
import org.rectify.testing.LedgerFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Browserless tests of the real ledger view (Karibu-Testing) on the fixture ledger. */
@H2Test
class LedgerViewTest {


    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerFixture fixture;

    @BeforeEach
    void setUp() {
        fixture.login(LedgerFixture.OFFICE);
        Karibu.start(context);
    }

    @AfterEach
    void tearDown() {
        Karibu.stop();
    }

    /** Navigates like a typed URL: path plus query string. */
    private static void nav(String url) {
        int q = url.indexOf('?');
        UI.getCurrent().navigate(q < 0 ? url : url.substring(0, q),
                q < 0 ? QueryParameters.empty() : QueryParameters.fromString(url.substring(q + 1)));
    }

    @SuppressWarnings("unchecked")
    private static TreeGrid<LedgerRow> grid() {
        return _get(TreeGrid.class);
    }

    private static List<LedgerRow> rows() {
        TreeGrid<LedgerRow> grid = grid();
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }

    private static List<String> measures() {
        return rows().stream().filter(MeasureRow.class::isInstance)
                .map(r -> ((MeasureRow) r).measure().getContent()).toList();
    }

    private static List<String> groupLabels() {
        return rows().stream().filter(GroupRow.class::isInstance).map(r -> ((GroupRow) r).group().label())
                .toList();
    }

    private static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }

    private static Map<String, List<String>> query() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters();
    }

    private static <T extends Component> T byId(Class<T> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }

    private static String text(Component c) {
        return BasicUtilsKt.get_textRecursively(c);
    }

    @Test
    void showsTheLedgerGroupedByUnitWithTotals() {
        nav("ledger");
        assertThat(groupLabels()).containsExactly("部门甲", "支部甲一", "部门乙");
        List<LedgerRow> rows = rows();
        assertThat(rows).hasSize(3 + 12);
        GroupRow first = (GroupRow) rows.get(0);
        assertThat(first.group().total()).isEqualTo(4);
        assertThat(first.group().overdue()).isEqualTo(3);
        MeasureRow firstMeasure = (MeasureRow) rows.get(1);
        assertThat(firstMeasure.rowNo()).isEqualTo(1);
        assertThat(firstMeasure.measure().getContent()).isEqualTo("M-DUE-TODAY");
        assertThat(((MeasureRow) rows.get(4)).rowNo()).as("序号 runs within the group").isEqualTo(4);
        assertThat(((MeasureRow) rows.get(6)).rowNo()).isEqualTo(1);
        assertThat(text(_get(LedgerView.class))).contains("共 12 项", "已销号 3（25%）", "逾期 3");
        assertThat(LocatorJ._find(Div.class, spec -> spec.withId("url-warning"))).as("no warning").isEmpty();
    }

    @Test
    void theRootPathShowsTheDashboardWhichLeadsToTheLedger() {
        nav("");
        _get(org.rectify.dashboard.ui.DashboardView.class);
        nav("ledger");
        assertThat(measures()).hasSize(12);
    }

    @Test
    void switchesGroupingAndKeepsItInTheUrl() {
        nav("ledger");
        RadioButtonGroup<LedgerGrouping> grouping = byId(RadioButtonGroup.class, "grouping");
        _setValue(grouping, LedgerGrouping.CATEGORY);
        assertThat(query()).containsEntry("group", List.of("category"));
        assertThat(groupLabels()).containsExactly("思想", "作风", "廉洁");
        assertThat(measures()).hasSize(12);

        _setValue(byId(RadioButtonGroup.class, "grouping"), LedgerGrouping.NONE);
        assertThat(query()).containsEntry("group", List.of("none"));
        assertThat(groupLabels()).isEmpty();
        assertThat(rows()).hasSize(12);
        assertThat(((MeasureRow) rows().get(11)).rowNo()).isEqualTo(12);

        _setValue(byId(RadioButtonGroup.class, "grouping"), LedgerGrouping.UNIT);
        assertThat(query()).doesNotContainKey("group");
        assertThat(groupLabels()).containsExactly("部门甲", "支部甲一", "部门乙");
    }

    @Test
    void clickingAGroupCollapsesAndExpandsIt() {
        nav("ledger");
        GridKt._clickItem(grid(), 0);
        assertThat(rows()).hasSize(3 + 8);
        GridKt._clickItem(grid(), 0);
        assertThat(rows()).hasSize(3 + 12);
    }

    /** Sets one filter field on a fresh, ungrouped ledger; returns the rows shown. */
    private <V> List<String> filterBy(Class<? extends Component> type, String id, V value) {
        nav("ledger?group=none");
        @SuppressWarnings("unchecked")
        HasValue<?, V> field = (HasValue<?, V>) byId(type, id);
        _setValue(field, value);
        return measures();
    }

    private static <T extends AbstractEntity> T item(ComboBox<T> box, long id) {
        return box.getListDataView().getItems().filter(i -> i.getId() == id).findFirst().orElseThrow();
    }

    @Test
    void eachFilterNarrowsTheLedgerAndIsWrittenToTheUrl() {
        assertThat(filterBy(ComboBox.class, "filter-status", MeasureStatus.CLOSED))
                .containsExactlyInAnyOrder("M-CLOSED-LATE", "M-CLOSED-ONTIME", "M-LAST-CLOSED");
        assertThat(query()).containsEntry("status", List.of("closed"));

        assertThat(filterBy(ComboBox.class, "filter-type", MeasureType.LONG_TERM))
                .containsExactlyInAnyOrder("M-LONG-STALE", "M-LONG-FRESH");
        assertThat(query()).containsEntry("type", List.of("long-term"));

        assertThat(filterBy(ComboBox.class, "filter-source", ProblemSource.INSPECTION))
                .containsExactlyInAnyOrder("M-LAST-CLOSED", "M-LAST-OVERDUE");
        assertThat(query()).containsEntry("source", List.of("inspection"));

        assertThat(filterBy(Checkbox.class, "filter-overdue", true))
                .containsExactlyInAnyOrder("M-OVERDUE", "M-PENDING-OVERDUE", "M-LAST-OVERDUE");
        assertThat(query()).containsEntry("overdue", List.of("1"));

        assertThat(filterBy(Checkbox.class, "filter-stale", true)).containsExactly("M-LONG-STALE");
        assertThat(query()).containsEntry("stale", List.of("1"));

        assertThat(filterBy(IntegerField.class, "filter-due", 7))
                .containsExactlyInAnyOrder("M-DUE-TODAY", "M-DUE-SOON");
        assertThat(query()).containsEntry("due", List.of("7"));

        assertThat(filterBy(TextField.class, "filter-text", "LATE")).containsExactly("M-CLOSED-LATE");
        assertThat(query()).containsEntry("q", List.of("LATE"));

        assertThat(filterBy(DatePicker.class, "filter-from", TODAY.plusDays(1)))
                .containsExactlyInAnyOrder("M-DUE-SOON", "M-DUE-8", "M-EXTENDED");
        assertThat(query()).containsEntry("from", List.of(TODAY.plusDays(1).toString()));

        assertThat(filterBy(DatePicker.class, "filter-to", TODAY.minusDays(10)))
                .containsExactlyInAnyOrder("M-CLOSED-LATE", "M-CLOSED-ONTIME", "M-LAST-CLOSED", "M-LAST-OVERDUE");
        assertThat(query()).containsEntry("to", List.of(TODAY.minusDays(10).toString()));

        assertThat(filterBy(ComboBox.class, "filter-year", 2024))
                .containsExactlyInAnyOrder("M-LAST-CLOSED", "M-LAST-OVERDUE");
        assertThat(query()).containsEntry("year", List.of("2024"));
    }

    @Test
    void entityFiltersNarrowTheLedger() {
        nav("ledger?group=none");
        ComboBox<org.rectify.org.Unit> unit = byId(ComboBox.class, "filter-unit");
        _setValue(unit, item(unit, fixture.id(LedgerFixture.A1)));
        assertThat(measures()).containsExactlyInAnyOrder("M-DUE-SOON", "M-EXTENDED", "M-CLOSED-ONTIME");
        assertThat(query()).containsEntry("unit", List.of(String.valueOf(fixture.id(LedgerFixture.A1))));

        nav("ledger?group=none");
        ComboBox<org.rectify.meeting.Meeting> meeting = byId(ComboBox.class, "filter-meeting");
        _setValue(meeting, item(meeting, fixture.id(LedgerFixture.LAST_MEETING)));
        assertThat(measures()).containsExactlyInAnyOrder("M-LAST-CLOSED", "M-LAST-OVERDUE");

        nav("ledger?group=none");
        ComboBox<org.rectify.org.Person> leader = byId(ComboBox.class, "filter-leader");
        // Leaders are paged from the database (a large organization has over a thousand): fetch as the box would.
        org.rectify.org.Person secretary = leader.getGenericDataView().getItems()
                .filter(p -> p.getId() == fixture.id(LedgerFixture.SECRETARY)).findFirst().orElseThrow();
        _setValue(leader, secretary);
        assertThat(measures()).containsExactlyInAnyOrder("M-DUE-TODAY", "M-OVERDUE", "M-DUE-SOON",
                "M-PENDING-OVERDUE", "M-DUE-8", "M-CLOSED-ONTIME");

        nav("ledger?group=none");
        ComboBox<org.rectify.ledger.Category> category = byId(ComboBox.class, "filter-category");
        var style = category.getListDataView().getItems().filter(c -> c.getName().equals("作风")).findFirst()
                .orElseThrow();
        _setValue(category, style);
        assertThat(measures()).containsExactlyInAnyOrder("M-LONG-STALE", "M-LONG-FRESH", "M-CLOSED-LATE");
        assertThat(query()).containsEntry("category", List.of(String.valueOf(style.getId())));
    }

    @Test
    void filtersCombineAndClearTogether() {
        nav("ledger?group=none&overdue=1");
        _setValue(byId(ComboBox.class, "filter-year"), 2025);
        assertThat(measures()).containsExactlyInAnyOrder("M-OVERDUE", "M-PENDING-OVERDUE");
        assertThat(query()).containsEntry("overdue", List.of("1")).containsEntry("year", List.of("2025"));

        LocatorJ._click(_get(Button.class, spec -> spec.withText("清除筛选")));
        assertThat(measures()).hasSize(12);
        assertThat(query()).containsOnlyKeys("group");
        assertThat(byId(Checkbox.class, "filter-overdue").getValue()).isFalse();
    }

    @Test
    void aBookmarkedUrlFillsTheFilters() {
        long a = fixture.id(LedgerFixture.A);
        UI.getCurrent().navigate("ledger", QueryParameters.simple(Map.of("status", "closed", "unit",
                String.valueOf(a), "group", "category")));
        assertThat(measures()).containsExactly("M-CLOSED-ONTIME");
        assertThat(groupLabels()).containsExactly("廉洁");
        assertThat(byId(ComboBox.class, "filter-status").getValue()).isEqualTo(MeasureStatus.CLOSED);
        assertThat(((org.rectify.org.Unit) byId(ComboBox.class, "filter-unit").getValue()).getId()).isEqualTo(a);
        assertThat(byId(RadioButtonGroup.class, "grouping").getValue()).isEqualTo(LedgerGrouping.CATEGORY);

        // The URL the view writes reads back to the same filter.
        LedgerView view = _get(LedgerView.class);
        LedgerFilter expected = new LedgerFilter().setStatus(MeasureStatus.CLOSED).setUnitId(a);
        assertThat(view.currentFilter()).isEqualTo(expected);
        assertThat(location()).contains("status=closed", "unit=" + a, "group=category");
    }

    @Test
    void unknownUrlValuesGiveAClearMessageAndAreIgnored() {
        nav("ledger?status=bogus&unit=abc&from=2026-13-45&due=-3&foo=bar&meeting=999999");
        Div warning = byId(Div.class, "url-warning");
        assertThat(warning.isVisible()).isTrue();
        assertThat(text(warning)).contains("无法识别", "status=bogus", "unit=abc", "from=2026-13-45", "due=-3",
                "foo=bar", "meeting=999999");
        assertThat(measures()).as("the invalid filters are ignored, not guessed").hasSize(12);
    }

    @Test
    void noMatchesShowsAnEmptyStateWithAWayOut() {
        nav("ledger?q=nothing-matches-this");
        Div empty = byId(Div.class, "empty-state");
        assertThat(empty.isVisible()).isTrue();
        assertThat(LocatorJ._find(TreeGrid.class)).as("no grid when there is nothing to show").isEmpty();
        assertThat(text(empty)).contains("没有符合筛选条件的整改事项");
        LocatorJ._click(_get(empty, Button.class));
        assertThat(grid().isVisible()).isTrue();
        assertThat(measures()).hasSize(12);
    }

    @Test
    void clickingARowOpensTheItemDetail() {
        nav("ledger?group=none&overdue=1");
        GridKt._clickItem(grid(), 0);
        MeasureDetailView detail = _get(MeasureDetailView.class);
        assertThat(location()).isEqualTo("ledger/item/" + fixture.id("M-OVERDUE"));
        assertThat(_get(detail, H2.class).getText()).isEqualTo("检视问题 第1项");
        assertThat(text(detail)).contains("理论学习不够系统深入", "M-DUE-TODAY", "M-OVERDUE", "逾期1天",
                "部门甲", "书记甲", "联络员甲");
        // Back to the ledger as it was filtered.
        Anchor back = _get(detail, Anchor.class);
        assertThat(back.getHref()).startsWith("ledger?").contains("group=none", "overdue=1");
    }

    @Test
    void detailShowsExtensionAndClosedLate() {
        nav("ledger/item/" + fixture.id("M-EXTENDED"));
        String page = text(_get(MeasureDetailView.class));
        assertThat(page).contains("原定时限", TODAY.minusDays(5).toString(), TODAY.plusDays(30).toString(),
                // Due in 3 days with nothing reported since the meeting: 有风险 is the alert it shows.
                "即知即改", "有风险");
        nav("ledger/item/" + fixture.id("M-CLOSED-LATE"));
        assertThat(text(_get(MeasureDetailView.class))).contains("逾期完成", "长期未更新", "个人问题：委员乙");
    }

    @Test
    void unknownItemsGiveAClearMessage() {
        for (String id : List.of("999999", "abc", "-1")) {
            UI.getCurrent().navigate("ledger/item/" + id);
            MeasureDetailView detail = _get(MeasureDetailView.class);
            assertThat(text(detail)).contains("未找到整改事项", "“" + id + "”");
        }
    }

    @Test
    void atRiskItemsHaveAFilterABadgeAndAnExplanation() {
        assertThat(filterBy(Checkbox.class, "filter-at-risk", true))
                .containsExactlyInAnyOrder("M-DUE-SOON", "M-DUE-8");
        assertThat(query()).containsEntry("risk", List.of("1"));
        Checkbox box = byId(Checkbox.class, "filter-at-risk");
        assertThat(box.getTooltip().getText()).contains("14天内到期", "超过30天没有报送进展");
        // The alert column's badge: 有风险, with what it means as its tooltip, before the days left.
        MeasureBadges badges = new MeasureBadges(_get(LedgerView.class),
                context.getBean(org.rectify.ledger.LedgerService.class));
        MeasureBadges.Badge alert = rows().stream().filter(MeasureRow.class::isInstance)
                .map(r -> badges.alert(((MeasureRow) r).measure())).findFirst().orElseThrow();
        assertThat(alert.text()).isEqualTo("有风险");
        assertThat(alert.tip()).isEqualTo(box.getTooltip().getText());
        // And the filter's count shows on the phone's folded filter button.
        LedgerView view = _get(LedgerView.class);
        view.setCompact(true);
        Button toggle = byId(Button.class, "filters-toggle");
        assertThat(toggle.isVisible()).isTrue();
        assertThat(toggle.getText()).isEqualTo("筛选（1）");
        assertThat(LocatorJ._find(com.vaadin.flow.component.orderedlayout.VerticalLayout.class,
                spec -> spec.withId("ledger-filters"))).as("filters folded away").isEmpty();
        assertThat(grid().getColumnByKey("card").isVisible()).isTrue();
        assertThat(grid().getColumnByKey("measure").isVisible()).isFalse();
        LocatorJ._click(toggle);
        assertThat(byId(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, "ledger-filters").isVisible())
                .isTrue();
    }
}
