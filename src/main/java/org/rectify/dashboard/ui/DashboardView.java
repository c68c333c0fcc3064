package org.rectify.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.org.ui.OrgLabels;
import org.rectify.base.ui.chart.ApexChart;
import org.rectify.base.ui.chart.ChartOptions;
import org.rectify.base.ui.chart.ChartOptions.Series;
import org.rectify.dashboard.DashboardService;
import org.rectify.dashboard.DashboardService.Alert;
import org.rectify.dashboard.DashboardService.Dashboard;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerGrouping;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.LedgerService.FilterOptions;
import org.rectify.ledger.LedgerService.LedgerTotals;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.ui.LedgerUrl;
import org.rectify.ledger.ui.LedgerView;
import org.rectify.ledger.ui.MeasureDetailView;
import org.rectify.meeting.Meeting;
import org.rectify.org.Unit;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;

/**
 * 整改进度总览: what a leader sees first. Key figures, charts by unit, category, type and over time, and the
 * items that need attention; every figure and every bar leads to the ledger filtered to exactly those items.
 */
@Route("dashboard")
@Menu(order = 10, icon = "rectify:dashboard", title = "nav.dashboard")
@RolesAllowed({Role.OFFICE_NAME, Role.LEADER_NAME, Role.UNIT_CONTACT_NAME})
public class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ALL = "all";
    static final String CLOSED_COLOR = "#2e9e5b";
    static final String OPEN_COLOR = "#3b82c4";
    static final String OVERDUE_COLOR = "#d93a3a";
    /** Distinct colours for up to ten categories (ApexCharts' default palette repeats after five). */
    static final List<String> CATEGORY_COLORS = List.of("#3b82c4", "#d93a3a", "#2e9e5b", "#e08a1e", "#7b5cc4",
            "#17a2b8", "#c2185b", "#6d8b2f", "#8d6e63", "#546e7a");
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final DashboardService dashboard;
    private final CurrentUser currentUser;
    private final LedgerService ledger;
    private final DashboardPreload preload;
    /** The pickers' lists, read on the first entry (from the preloaded answer when there is one). */
    private FilterOptions options;
    private final ComboBox<Meeting> meeting = new ComboBox<>();
    private final ComboBox<Unit> unit = new ComboBox<>();
    private final Div content = new Div();
    private final int dueSoonDays;
    private LedgerFilter base = new LedgerFilter();
    private boolean reading;
    /** The figures shown last, for tests. */
    private transient Dashboard shown;

    /** The charts by name, for tests: "unit", "category", "type", "trend". */
    private final Map<String, ApexChart> charts = new LinkedHashMap<>();

    public DashboardView(DashboardService dashboard, LedgerService ledger, CurrentUser currentUser,
            DashboardPreload preload) {
        this.dashboard = dashboard;
        this.currentUser = currentUser;
        this.ledger = ledger;
        this.preload = preload;
        this.dueSoonDays = ledger.dueSoonDays();
        addClassName("dashboard-view");
        setPadding(true);

        H2 title = new H2(getTranslation("dashboard.title"));
        title.addClassName("view-title");
        meeting.setItemLabelGenerator(Meeting::getTitle);
        org.rectify.base.ui.Pickers.wide(meeting);
        meeting.setPlaceholder(getTranslation("dashboard.allMeetings"));
        meeting.setClearButtonVisible(true);
        meeting.setWidth("20em");
        meeting.setId("dashboard-meeting");
        meeting.setAriaLabel(getTranslation("ledger.filter.meeting"));
        unit.setItemLabelGenerator(OrgLabels::indented);
        unit.setPlaceholder(getTranslation("dashboard.allUnits"));
        unit.setClearButtonVisible(true);
        unit.setWidth("14em");
        unit.setId("dashboard-unit");
        unit.setAriaLabel(getTranslation("ledger.filter.unit"));
        meeting.addValueChangeListener(e -> selectionChanged());
        unit.addValueChangeListener(e -> selectionChanged());
        HorizontalLayout header = new HorizontalLayout(title, meeting, unit);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        header.setFlexGrow(1, title);
        header.addClassName("dashboard-header");
        content.addClassName("dashboard-content");
        content.setWidthFull();
        add(header, content);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title") + " · " + getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        String m = first(params, LedgerUrl.MEETING);
        // Started with the page request (DashboardPreload) when this is the page's first answer.
        DashboardPreload.FirstAnswer preloaded = preload.take(VaadinSession.getCurrent()).orElse(null);
        if (options == null) {
            options = preloaded != null ? preloaded.options() : ledger.filterOptions();
            meeting.setItems(options.meetings());
            unit.setItems(options.units());
        }
        LedgerFilter defaultSelection = preloaded != null ? preloaded.selection() : dashboard.defaultSelection();
        Long defaultMeeting = defaultSelection.getMeetingId();
        Optional<Meeting> chosenMeeting = m == null
                ? options.meetings().stream().filter(x -> x.getId().equals(defaultMeeting)).findFirst()
                : parse(m).flatMap(id -> options.meetings().stream().filter(x -> x.getId() == id).findFirst());
        Optional<Unit> chosenUnit = parse(first(params, LedgerUrl.UNIT))
                .flatMap(id -> options.units().stream().filter(x -> x.getId() == id).findFirst());
        reading = true;
        meeting.setValue(chosenMeeting.orElse(null));
        unit.setValue(chosenUnit.orElse(null));
        reading = false;
        base = new LedgerFilter().setMeetingId(chosenMeeting.map(Meeting::getId).orElse(null))
                .setUnitId(chosenUnit.map(Unit::getId).orElse(null));
        if (preloaded != null && preloaded.selection().equals(base)) {
            show(preloaded.dashboard(), preloaded.notices());
        } else {
            show(dashboard.load(base), null);
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static Optional<Long> parse(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void selectionChanged() {
        if (reading) {
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put(LedgerUrl.MEETING, meeting.getValue() == null ? ALL : String.valueOf(meeting.getValue().getId()));
        if (unit.getValue() != null) {
            params.put(LedgerUrl.UNIT, String.valueOf(unit.getValue().getId()));
        }
        UI.getCurrent().navigate(DashboardView.class, QueryParameters.simple(params));
    }

    /** Shows {@code d} for {@link #base}; the notices are queried unless they came with it. */
    private void show(Dashboard d, DashboardService.Notices notices) {
        shown = d;
        content.removeAll();
        charts.clear();
        if (options.meetings().isEmpty() && currentUser.require().is(Role.OFFICE)) {
            content.add(setup(dashboard.setupProgress()));
            return;
        }
        if (notices == null) {
            notices = dashboard.notices(base);
        }
        if (!notices.isEmpty()) {
            content.add(notices(notices));
        }
        content.add(kpis(d.kpis()));
        if (d.kpis().total() == 0) {
            Paragraph empty = new Paragraph(getTranslation("dashboard.empty"));
            empty.addClassName("empty-state");
            content.add(empty);
            return;
        }
        Div grid = new Div();
        grid.addClassName("dashboard-grid");
        grid.add(card("dashboard.byUnit", unitChart(d), null),
                card("dashboard.alerts", alerts(d), null),
                card("dashboard.byCategory", categoryChart(d), null),
                card("dashboard.byType", typeChart(d), null),
                card("dashboard.trend", trendChart(d), "full"));
        content.add(grid);
    }

    /** Late filings and recurring problems, each with a link to the meeting that concerns it. */
    private Component notices(DashboardService.Notices n) {
        Div box = new Div();
        box.addClassName("dashboard-notices");
        box.setId("dashboard-notices");
        for (DashboardService.FilingAlert f : n.filing()) {
            Anchor link = new Anchor(meetingUrl(f.meetingId()), getTranslation("dashboard.filingLate", f.meeting(),
                    f.dueOn().toString(), f.daysLate()));
            Div line = new Div(AppIcon.FILE_TEXT_O.create(), link);
            line.addClassName("notice");
            line.addClassName("notice-error");
            line.addClassName("filing-alert");
            box.add(line);
        }
        if (n.recurring() > 0 || n.recurringSuspected() > 0) {
            Span text = new Span(getTranslation("dashboard.recurring", n.recurring(), n.recurringSuspected()));
            Div line = new Div(AppIcon.REFRESH.create(), text);
            if (base.getMeetingId() != null) {
                line = new Div(AppIcon.REFRESH.create(), new Anchor(meetingUrl(base.getMeetingId()),
                        text.getText()));
            }
            line.addClassName("notice");
            line.addClassName("recurring-notice");
            line.setId("recurring-notice");
            box.add(line);
        }
        return box;
    }

    private static String meetingUrl(long meetingId) {
        return "meetings/item/" + meetingId;
    }

    /**
     * A new installation (no meeting yet): the steps from an empty database to a working ledger, each with its
     * page and whether it is done.
     */
    private Component setup(DashboardService.SetupProgress p) {
        Div box = new Div(new H3(getTranslation("setup.title")));
        box.addClassName("setup-panel");
        box.setId("setup-panel");
        Paragraph intro = new Paragraph(getTranslation("setup.intro"));
        intro.addClassName("form-hint");
        box.add(intro);
        box.add(step(1, p.units() > 1, "setup.units", "admin/units", p.units()),
                step(2, p.committee() > 0 && p.people() > p.committee(), "setup.people", "admin/people",
                        p.people(), p.committee()),
                step(3, p.categories() > 0, "setup.categories", "admin/categories", p.categories()),
                step(4, p.meetings() > 0, "setup.meeting", "meetings/edit", p.meetings()),
                step(5, p.measures() > 0, "setup.ledger", "meetings", p.measures()),
                step(6, false, "setup.logins", "admin/people"));
        return box;
    }

    private Component step(int n, boolean done, String key, String path, Object... args) {
        Span mark = new Span(done ? "✓" : String.valueOf(n));
        mark.addClassName("setup-mark");
        if (done) {
            mark.addClassName("done");
        }
        Anchor link = new Anchor(path, getTranslation(key + ".title"));
        Span detail = new Span(getTranslation(key + ".text", args));
        detail.addClassName("setup-detail");
        Div row = new Div(mark, new Div(link, detail));
        row.addClassName("setup-step");
        return row;
    }

    // --- Key figures ---

    private Component kpis(LedgerTotals k) {
        Div row = new Div();
        row.addClassName("kpi-row");
        row.add(kpi("total", "dashboard.kpi.total", String.valueOf(k.total()), base.copy(), null),
                kpi("closed", "dashboard.kpi.closed", String.valueOf(k.closed()),
                        base.copy().setStatus(MeasureStatus.CLOSED), "success"),
                kpi("open", "dashboard.kpi.open", String.valueOf(k.open()), base.copy().setOpenOnly(true), "info"),
                kpi("overdue", "dashboard.kpi.overdue", String.valueOf(k.overdue()),
                        base.copy().setOverdueOnly(true), k.overdue() > 0 ? "error" : null),
                kpi("due-soon", "dashboard.kpi.dueSoon", String.valueOf(k.dueSoon()),
                        base.copy().setDueWithinDays(dueSoonDays), k.dueSoon() > 0 ? "warning" : null),
                kpi("stale", "dashboard.kpi.stale", String.valueOf(k.stale()), base.copy().setStaleOnly(true),
                        k.stale() > 0 ? "warning" : null),
                kpi("rate", "dashboard.kpi.rate", k.completionPercent() + "%",
                        base.copy().setStatus(MeasureStatus.CLOSED), "success"));
        return row;
    }

    private Anchor kpi(String id, String labelKey, String value, LedgerFilter filter, String tone) {
        Span number = new Span(value);
        number.addClassName("kpi-value");
        Span label = new Span(getTranslation(labelKey, dueSoonDays));
        label.addClassName("kpi-label");
        Anchor card = new Anchor(ledgerUrl(filter, LedgerGrouping.UNIT), number, label);
        card.addClassName("kpi-card");
        if (tone != null) {
            card.addClassName("tone-" + tone);
        }
        card.setId("kpi-" + id);
        return card;
    }

    /** The ledger's URL for a filter: the one format the ledger reads. */
    static String ledgerUrl(LedgerFilter filter, LedgerGrouping grouping) {
        String path = RouteConfiguration.forSessionScope().getUrl(LedgerView.class);
        String query = LedgerUrl.toQuery(filter, grouping).getQueryString();
        return query.isEmpty() ? path : path + "?" + query;
    }

    private void openLedger(LedgerFilter filter) {
        UI.getCurrent().navigate(LedgerView.class, LedgerUrl.toQuery(filter, LedgerGrouping.UNIT));
    }

    // --- Charts ---

    private Component card(String titleKey, Component body, String size) {
        Div card = new Div(new H3(getTranslation(titleKey)), body);
        card.addClassName("dashboard-card");
        if (size != null) {
            card.addClassName(size);
        }
        return card;
    }

    private ApexChart chart(String name, ChartOptions options) {
        ApexChart chart = new ApexChart(options);
        chart.setId("chart-" + name);
        chart.setWidthFull();
        charts.put(name, chart);
        return chart;
    }

    private Component unitChart(Dashboard d) {
        List<DashboardService.UnitBar> bars = d.byUnit();
        boolean levels = bars.stream().anyMatch(b -> !b.own());
        ApexChart chart = chart("unit", ChartOptions.bar(bars.stream().map(b -> b.own() && levels
                        ? getTranslation("dashboard.unitOwn", b.unit()) : b.hasSubUnits()
                        ? getTranslation("dashboard.unitWithSubUnits", b.unit()) : b.unit()).toList(),
                List.of(new Series(getTranslation("dashboard.series.closed"), values(bars, DashboardService.UnitBar::closed)),
                        new Series(getTranslation("dashboard.series.onTrack"), values(bars, DashboardService.UnitBar::onTrack)),
                        new Series(getTranslation("dashboard.series.overdue"), values(bars, DashboardService.UnitBar::overdue))),
                List.of(CLOSED_COLOR, OPEN_COLOR, OVERDUE_COLOR), true, true, Math.max(260, 34 * bars.size() + 80),
                getTranslation("dashboard.noData")));
        chart.addDataPointSelectionListener(e -> {
            if (e.dataPointIndex() < 0 || e.dataPointIndex() >= bars.size()) {
                return;
            }
            DashboardService.UnitBar bar = bars.get(e.dataPointIndex());
            if (bar.hasSubUnits()) {
                // One level down: the same dashboard for that unit, its sub-units as the bars.
                Map<String, String> params = new LinkedHashMap<>();
                params.put(LedgerUrl.MEETING, base.getMeetingId() == null ? ALL : String.valueOf(base.getMeetingId()));
                params.put(LedgerUrl.UNIT, String.valueOf(bar.unitId()));
                UI.getCurrent().navigate(DashboardView.class, QueryParameters.simple(params));
                return;
            }
            // A bar of the level's own items shows exactly those in the ledger; a unit without sub-units is the same.
            LedgerFilter f = base.copy().setUnitId(bar.unitId()).setUnitOnly(bar.own());
            switch (e.seriesIndex()) {
                case 0 -> f.setStatus(MeasureStatus.CLOSED);
                case 1 -> f.setOnTrackOnly(true);
                default -> f.setOverdueOnly(true);
            }
            openLedger(f);
        });
        return chart;
    }

    private Component categoryChart(Dashboard d) {
        List<DashboardService.CategorySlice> slices = d.byCategory();
        ApexChart chart = chart("category", ChartOptions.donut(
                slices.stream().map(DashboardService.CategorySlice::category).toList(),
                slices.stream().map(s -> (Number) s.total()).toList(), CATEGORY_COLORS, 300,
                getTranslation("dashboard.noData")));
        chart.addDataPointSelectionListener(e -> {
            if (e.dataPointIndex() >= 0 && e.dataPointIndex() < slices.size()) {
                openLedger(base.copy().setCategoryId(slices.get(e.dataPointIndex()).categoryId()));
            }
        });
        return chart;
    }

    private Component typeChart(Dashboard d) {
        List<LedgerService.TypeTotals> types = d.byType();
        ApexChart chart = chart("type", ChartOptions.bar(
                types.stream().map(t -> getTranslation(t.type().messageKey())).toList(),
                List.of(new Series(getTranslation("dashboard.series.closed"),
                                types.stream().map(LedgerService.TypeTotals::closed).toList()),
                        new Series(getTranslation("dashboard.series.open"),
                                types.stream().map(LedgerService.TypeTotals::open).toList())),
                List.of(CLOSED_COLOR, OPEN_COLOR), false, false, 300, getTranslation("dashboard.noData")));
        chart.addDataPointSelectionListener(e -> {
            if (e.dataPointIndex() < 0 || e.dataPointIndex() >= types.size()) {
                return;
            }
            LedgerFilter f = base.copy().setType(types.get(e.dataPointIndex()).type());
            if (e.seriesIndex() == 0) {
                f.setStatus(MeasureStatus.CLOSED);
            } else {
                f.setOpenOnly(true);
            }
            openLedger(f);
        });
        // Seed 002's sentence counts problems (问题), not measures: a problem is of its longest measure's type.
        LedgerService.ProblemTypeTotals p = d.problemTypes();
        Span summary = new Span(getTranslation("dashboard.typeSummary", p.immediateDone(), p.phasedOpen(),
                p.longTerm()));
        summary.addClassName("type-summary");
        return new Div(chart, summary);
    }

    private Component trendChart(Dashboard d) {
        DateTimeFormatter f = d.trendMonthly() ? MONTH : WEEK;
        return chart("trend", ChartOptions.line(
                d.trend().stream().map(p -> f.format(p.start())).toList(),
                List.of(new Series(getTranslation("dashboard.series.closedToDate"),
                                d.trend().stream().map(DashboardService.Period::closedToDate).toList()),
                        new Series(getTranslation("dashboard.series.dueToDate"),
                                d.trend().stream().map(DashboardService.Period::dueToDate).toList())),
                List.of(CLOSED_COLOR, "#888888"), 300, getTranslation("dashboard.noData")));
    }

    private static <T> List<Long> values(List<T> rows, Function<T, Long> f) {
        return rows.stream().map(f).toList();
    }

    // --- Alerts ---

    private Component alerts(Dashboard d) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        box.addClassName("alerts");
        box.add(alertList("dashboard.alerts.overdue", d.overdue(), true, base.copy().setOverdueOnly(true)));
        box.add(alertList("dashboard.alerts.dueSoon", d.dueSoon(), false,
                base.copy().setDueWithinDays(dueSoonDays)));
        return box;
    }

    private Component alertList(String titleKey, List<Alert> alerts, boolean overdue, LedgerFilter all) {
        Div list = new Div();
        list.addClassName("alert-list");
        Anchor more = new Anchor(ledgerUrl(all, LedgerGrouping.NONE), getTranslation("dashboard.alerts.all"));
        more.addClassName("alert-more");
        Div head = new Div(new Span(getTranslation(titleKey)), more);
        head.addClassName("alert-head");
        list.add(head);
        if (alerts.isEmpty()) {
            Span none = new Span(getTranslation("dashboard.alerts.none"));
            none.addClassName("alert-none");
            list.add(none);
        }
        for (Alert a : alerts) {
            Anchor link = new Anchor(RouteConfiguration.forSessionScope().getUrl(MeasureDetailView.class,
                    String.valueOf(a.measureId())), a.content());
            link.addClassName("alert-content");
            Span meta = new Span(a.unit() + " · " + a.leader());
            meta.addClassName("alert-meta");
            Span days = new Span(overdue ? getTranslation("alert.overdue", a.days())
                    : a.days() == 0 ? getTranslation("alert.dueToday") : getTranslation("alert.dueIn", a.days()));
            days.getElement().getThemeList().add(overdue ? "badge error small" : "badge warning small");
            Div line = new Div(link, meta, days);
            if (a.atRisk()) {
                Span risk = new Span(getTranslation("dashboard.atRisk"));
                risk.getElement().getThemeList().add("badge error primary small");
                risk.getElement().setAttribute("title", getTranslation("alert.atRisk.tip",
                        org.rectify.ledger.MeasureRules.AT_RISK_WINDOW_DAYS,
                        org.rectify.ledger.MeasureRules.AT_RISK_SILENT_DAYS));
                line.add(risk);
            }
            line.addClassName("alert-line");
            list.add(line);
        }
        return list;
    }

    /** For tests: the charts as built. */
    Map<String, ApexChart> charts() {
        return charts;
    }

    Dashboard shown() {
        return shown;
    }

    LedgerFilter base() {
        return base.copy();
    }
}
