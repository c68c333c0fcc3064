package org.rectify.ledger.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.stream.Collectors;
import jakarta.annotation.security.RolesAllowed;
import org.rectify.base.Texts;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.org.ui.OrgLabels;
import org.rectify.base.domain.Labelled;
import org.rectify.base.ui.Pickers;
import org.rectify.security.Role;
import org.rectify.base.ui.i18n.ComponentTexts;
import org.rectify.ledger.Category;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerGroup;
import org.rectify.ledger.LedgerGrouping;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.LedgerService.FilterOptions;
import org.rectify.ledger.LedgerService.LedgerTotals;
import org.rectify.ledger.LedgerSort;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureRules;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemSource;
import org.rectify.ledger.ui.LedgerRow.GroupRow;
import org.rectify.ledger.ui.LedgerRow.MeasureRow;
import org.rectify.meeting.Meeting;
import org.rectify.org.Person;
import org.rectify.org.Unit;
import org.springframework.beans.factory.ObjectProvider;

/**
 * 整改台账: the ledger of all measures, grouped by responsible unit or by category, filtered by anything on a
 * paper ledger. The URL carries the filter, so the view re-reads it on every navigation and a filtered ledger
 * can be bookmarked.
 */
@Route("ledger")
// The grid's progress bars are only named in its renderers' templates: without this, production would leave
// vaadin-progress-bar out of the view's scripts and draw nothing where the bar belongs.
@Uses(ProgressBar.class)
@Menu(order = 20, icon = "rectify:table", title = "nav.ledger")
@RolesAllowed({Role.OFFICE_NAME, Role.LEADER_NAME, Role.UNIT_CONTACT_NAME})
public class LedgerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Session attribute: the ledger's last query, for "back to the ledger" links. */
    private static final MeasureBadges.Badge NO_ALERT = new MeasureBadges.Badge("", "");

    static final String LAST_QUERY = LedgerView.class.getName() + ".lastQuery";

    private final LedgerService service;
    private final FilterOptions options;

    private final TextField text = new TextField();
    private final ComboBox<Meeting> meeting = new ComboBox<>();
    private final ComboBox<Integer> year = new ComboBox<>();
    private final ComboBox<Unit> unit = new ComboBox<>();
    private final ComboBox<Category> category = new ComboBox<>();
    private final ComboBox<ProblemSource> source = new ComboBox<>();
    private final ComboBox<MeasureType> type = new ComboBox<>();
    private final ComboBox<MeasureStatus> status = new ComboBox<>();
    private final ComboBox<Person> leader = new ComboBox<>();
    private final DatePicker deadlineFrom;
    private final DatePicker deadlineTo;
    private final Checkbox overdueOnly = new Checkbox();
    private final Checkbox staleOnly = new Checkbox();
    private final Checkbox atRiskOnly = new Checkbox();
    private final IntegerField dueWithin = new IntegerField();
    private final RadioButtonGroup<LedgerGrouping> grouping = new RadioButtonGroup<>();
    private final Details moreFilters = new Details();

    private final Div urlWarning = new Div();
    private final HorizontalLayout summary = new HorizontalLayout();
    private final TreeGrid<LedgerRow> grid = new TreeGrid<>();
    /** The columns a phone does without; it shows {@link #cardColumn} instead. */
    private static final List<String> WIDE_COLUMNS = List.of("category", "problem", "measure", "leader", "unit",
            "deadline", "type", "status", "alert");
    private Grid.Column<LedgerRow> cardColumn;
    private final Button filtersToggle = new Button();
    private VerticalLayout filterBox;
    private boolean compact;
    private boolean filtersOpen;
    private Registration resizeRegistration;
    private final Div emptyState = new Div();
    private final MeasureBadges badges;

    /** Set while the fields are being filled from the URL, so that filling them does not navigate again. */
    private boolean readingUrl;
    private LedgerFilter currentFilter = new LedgerFilter();
    private LedgerGrouping currentGrouping = LedgerGrouping.UNIT;

    private final List<LedgerAction> actions;

    public LedgerView(LedgerService service, ObjectProvider<LedgerAction> actions) {
        this.service = service;
        this.actions = actions.orderedStream().toList();
        this.options = service.filterOptions();
        this.badges = new MeasureBadges(this, service);
        this.deadlineFrom = ComponentTexts.datePicker(this, "ledger.filter.deadlineFrom");
        this.deadlineTo = ComponentTexts.datePicker(this, "ledger.filter.deadlineTo");
        addClassName("ledger-view");
        setSizeFull();
        setPadding(true);
        setSpacing(false);

        urlWarning.addClassName("url-warning");
        urlWarning.setId("url-warning");
        urlWarning.setVisible(false);
        add(header(), filters(), urlWarning, grid(), emptyState());
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ledger.title") + " · " + getTranslation("app.name");
    }

    private Component header() {
        H2 title = new H2(getTranslation("ledger.title"));
        title.addClassName("view-title");
        summary.addClassName("ledger-summary");
        summary.setSpacing(false);
        summary.getStyle().set("gap", "var(--lumo-space-s)");

        grouping.setLabel(getTranslation("ledger.grouping"));
        grouping.setItems(LedgerGrouping.values());
        grouping.setItemLabelGenerator(g -> getTranslation(g.messageKey()));
        grouping.setValue(LedgerGrouping.UNIT);
        grouping.addValueChangeListener(e -> filtersChanged());

        filtersToggle.setIcon(AppIcon.FILTER.create());
        filtersToggle.setId("filters-toggle");
        filtersToggle.addClassName("filters-toggle");
        filtersToggle.getElement().setAttribute("aria-expanded", "false");
        filtersToggle.setVisible(false);
        filtersToggle.addClickListener(e -> toggleFilters());
        HorizontalLayout left = new HorizontalLayout(title, summary);
        left.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout right = new HorizontalLayout(grouping);
        right.setAlignItems(FlexComponent.Alignment.END);
        right.addClassName("ledger-actions");
        actions.forEach(a -> right.add(a.create(() -> new LedgerAction.Shown(currentFilter.copy(), currentGrouping,
                describe()))));
        HorizontalLayout header = new HorizontalLayout(left, filtersToggle, right);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.END);
        header.addClassName("ledger-header");
        return header;
    }

    private Component filters() {
        text.setPlaceholder(getTranslation("ledger.filter.text"));
        text.setAriaLabel(getTranslation("ledger.filter.text"));
        text.setPrefixComponent(AppIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setMaxLength(200);
        text.setWidth("16em");

        meeting.setItems(options.meetings());
        meeting.setItemLabelGenerator(Meeting::getTitle);
        Pickers.wide(meeting);
        year.setItems(options.years());
        year.setItemLabelGenerator(y -> getTranslation("ledger.yearLabel", String.valueOf(y)));
        unit.setItems(options.units());
        // Indent sub-units so the tree shows in a flat list.
        unit.setItemLabelGenerator(OrgLabels::indented);
        category.setItems(options.categories());
        category.setItemLabelGenerator(Category::getName);
        enumItems(source, ProblemSource.values());
        enumItems(type, MeasureType.values());
        enumItems(status, MeasureStatus.values());
        // Paged from the database as the user types or scrolls: there may be well over a thousand leaders.
        leader.setItems(query -> service.leaders(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                .stream());
        leader.setItemLabelGenerator(p -> p.getName() + "（" + getTranslation(p.getPosition().messageKey()) + "）");

        label(meeting, "ledger.filter.meeting", "19em");
        label(year, "ledger.filter.year", "8em");
        label(unit, "ledger.filter.unit", "13em");
        label(category, "ledger.filter.category", "9em");
        label(source, "ledger.filter.source", "13em");
        label(type, "ledger.filter.type", "9em");
        label(status, "ledger.filter.status", "9em");
        label(leader, "ledger.filter.leader", "11em");
        deadlineFrom.setWidth("10em");
        deadlineTo.setWidth("10em");
        overdueOnly.setLabel(getTranslation("ledger.filter.overdueOnly"));
        staleOnly.setLabel(getTranslation("ledger.filter.staleOnly"));
        atRiskOnly.setLabel(getTranslation("ledger.filter.atRiskOnly"));
        atRiskOnly.setTooltipText(getTranslation("alert.atRisk.tip", MeasureRules.AT_RISK_WINDOW_DAYS,
                MeasureRules.AT_RISK_SILENT_DAYS));
        dueWithin.setLabel(getTranslation("ledger.filter.dueWithin"));
        dueWithin.setPlaceholder(getTranslation("ledger.filter.days"));
        dueWithin.setMin(0);
        dueWithin.setMax(LedgerUrl.MAX_DUE_WITHIN_DAYS);
        dueWithin.setClearButtonVisible(true);
        dueWithin.setWidth("9em");
        dueWithin.setValueChangeMode(ValueChangeMode.LAZY);

        Button clear = new Button(getTranslation("ledger.filter.clear"), AppIcon.CLOSE_SMALL.create(),
                e -> clearFilters());
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        FlexLayout main = filterRow(text, meeting, unit, category, status, overdueOnly, atRiskOnly, clear);
        FlexLayout more = filterRow(year, source, type, leader, deadlineFrom, deadlineTo, dueWithin, staleOnly);
        moreFilters.setSummaryText(getTranslation("ledger.filter.more"));
        moreFilters.add(more);
        moreFilters.addClassName("more-filters");

        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(text, meeting, year, unit, category, source, type,
                status, leader, deadlineFrom, deadlineTo, overdueOnly, staleOnly, atRiskOnly, dueWithin)) {
            field.addValueChangeListener(e -> filtersChanged());
        }
        // Stable ids for tests and for anyone scripting the page.
        text.setId("filter-text");
        meeting.setId("filter-meeting");
        year.setId("filter-year");
        unit.setId("filter-unit");
        category.setId("filter-category");
        source.setId("filter-source");
        type.setId("filter-type");
        status.setId("filter-status");
        leader.setId("filter-leader");
        deadlineFrom.setId("filter-from");
        deadlineTo.setId("filter-to");
        overdueOnly.setId("filter-overdue");
        atRiskOnly.setId("filter-at-risk");
        staleOnly.setId("filter-stale");
        dueWithin.setId("filter-due");
        grouping.setId("grouping");
        filterBox = new VerticalLayout(main, moreFilters);
        filterBox.setPadding(false);
        filterBox.setSpacing(false);
        filterBox.addClassName("ledger-filters");
        filterBox.setId("ledger-filters");
        return filterBox;
    }

    private static FlexLayout filterRow(Component... components) {
        FlexLayout row = new FlexLayout(components);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.addClassName("filter-row");
        return row;
    }

    private void label(ComboBox<?> box, String key, String width) {
        box.setLabel(getTranslation(key));
        box.setPlaceholder(getTranslation("ledger.filter.all"));
        box.setClearButtonVisible(true);
        box.setWidth(width);
    }

    private <E extends Enum<E> & Labelled> void enumItems(ComboBox<E> box, E[] values) {
        box.setItems(values);
        box.setItemLabelGenerator(v -> getTranslation(v.messageKey()));
    }

    private Component grid() {
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES,
                GridVariant.LUMO_COMPACT);
        grid.addClassName("ledger-grid");
        grid.setId("ledger-grid");
        grid.setPageSize(50);
        grid.setPartNameGenerator(row -> row instanceof GroupRow ? "group-row" : null);

        // Group rows keep this column for the expand toggle; their name and totals span the problem column.
        grid.addHierarchyColumn(row -> row instanceof MeasureRow m ? String.valueOf(m.rowNo()) : "")
                .setHeader(getTranslation("ledger.col.no")).setKey("no").setWidth("6.5em").setFlexGrow(0);
        grid.addColumn(row -> row instanceof MeasureRow m ? m.measure().getProblem().getCategory().getName() : "")
                .setHeader(getTranslation("ledger.col.category")).setKey("category").setWidth("6.5em")
                .setFlexGrow(0).setSortProperty(LedgerSort.Field.CATEGORY.name());
        grid.addColumn(descriptionRenderer())
                .setHeader(getTranslation("ledger.col.problem")).setKey("problem").setFlexGrow(3)
                .setTooltipGenerator(row -> row instanceof MeasureRow m
                        ? m.measure().getProblem().getDescription() : null);
        grid.addColumn(measureRenderer())
                .setHeader(getTranslation("ledger.col.measure")).setKey("measure").setFlexGrow(3)
                .setTooltipGenerator(row -> row instanceof MeasureRow m ? m.measure().getContent() : null);
        grid.addColumn(row -> measure(row, m -> m.getLeader().getName()))
                .setHeader(getTranslation("ledger.col.leader")).setKey("leader").setWidth("6.5em").setFlexGrow(0)
                .setSortProperty(LedgerSort.Field.LEADER.name());
        grid.addColumn(row -> measure(row, m -> m.getUnit().getName()))
                .setHeader(getTranslation("ledger.col.unit")).setKey("unit").setWidth("7.5em").setFlexGrow(0)
                .setSortProperty(LedgerSort.Field.UNIT.name());
        grid.addColumn(row -> measure(row, badges::deadline))
                .setHeader(getTranslation("ledger.col.deadline")).setKey("deadline").setWidth("8em")
                .setFlexGrow(0).setSortProperty(LedgerSort.Field.DEADLINE.name());
        grid.addColumn(row -> measure(row, m -> getTranslation(m.getType().messageKey())))
                .setHeader(getTranslation("ledger.col.type")).setKey("type").setWidth("6.5em").setFlexGrow(0);
        grid.addColumn(statusRenderer())
                .setHeader(getTranslation("ledger.col.status")).setKey("status").setWidth("8.5em").setFlexGrow(0)
                .setSortProperty(LedgerSort.Field.STATUS.name());
        grid.addColumn(alertRenderer())
                .setHeader(getTranslation("ledger.col.alert")).setKey("alert").setWidth("7em").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.CENTER);
        cardColumn = grid.addColumn(cardRenderer())
                .setHeader(getTranslation("ledger.col.item")).setKey("card").setFlexGrow(1);
        cardColumn.setVisible(false);

        grid.addItemClickListener(e -> {
            if (e.getItem() instanceof MeasureRow m) {
                openDetail(m.measure());
            } else if (grid.isExpanded(e.getItem())) {
                grid.collapse(e.getItem());
            } else {
                grid.expand(e.getItem());
            }
        });
        return grid;
    }

    private static String measure(LedgerRow row, java.util.function.Function<Measure, String> f) {
        return row instanceof MeasureRow m ? f.apply(m.measure()) : "";
    }

    /** Problem text for measures; the group's name for group rows. */
    private LitRenderer<LedgerRow> descriptionRenderer() {
        return LitRenderer.<LedgerRow>of("""
                        <div class="meeting-tag" ?hidden=${!item.meeting}>${item.meeting}</div>
                        <div class="clamp" ?hidden=${item.group}>${item.text}</div>
                        <span class="group-label" ?hidden=${!item.group}>${item.label}</span>""")
                .withProperty("group", row -> row instanceof GroupRow)
                // Two meetings' ledgers never mix silently: each row names its meeting unless one is chosen.
                .withProperty("meeting", row -> row instanceof MeasureRow m && currentFilter.getMeetingId() == null
                        && currentGrouping != LedgerGrouping.MEETING
                        ? m.measure().getProblem().getMeeting().getTitle() : "")
                .withProperty("label", row -> row instanceof GroupRow g ? g.group().label() : "")
                .withProperty("text", row -> row instanceof MeasureRow m
                        ? m.measure().getProblem().getDescription() : "");
    }

    /** Measure text for measures; the group's totals for group rows. */
    private LitRenderer<LedgerRow> measureRenderer() {
        return LitRenderer.<LedgerRow>of("""
                        <div class="clamp" ?hidden=${item.group}>${item.text}</div>
                        <span class="group-counts" ?hidden=${!item.group}>
                          <span theme="badge contrast small">${item.total}</span>
                          <span theme="badge success small">${item.closed}</span>
                          <span theme="badge error small" ?hidden=${!item.hasOverdue}>${item.overdue}</span>
                        </span>""")
                .withProperty("group", row -> row instanceof GroupRow)
                .withProperty("text", row -> measure(row, Measure::getContent))
                .withProperty("total", row -> row instanceof GroupRow g
                        ? getTranslation("ledger.group.total", g.group().total()) : "")
                .withProperty("closed", row -> row instanceof GroupRow g
                        ? getTranslation("ledger.group.closed", g.group().closed()) : "")
                .withProperty("hasOverdue", row -> row instanceof GroupRow g && g.group().overdue() > 0)
                .withProperty("overdue", row -> row instanceof GroupRow g
                        ? getTranslation("ledger.group.overdue", g.group().overdue()) : "");
    }

    private LitRenderer<LedgerRow> statusRenderer() {
        return LitRenderer.<LedgerRow>of("""
                        <div class="status-cell" ?hidden=${!item.measure}>
                          <span theme="${item.theme} small">${item.label}</span>
                          <vaadin-progress-bar theme="${item.bar}" value="${item.progress}" aria-label="${item.percent}"></vaadin-progress-bar>
                          <span class="percent">${item.percent}</span>
                        </div>""")
                .withProperty("measure", row -> row instanceof MeasureRow)
                .withProperty("theme", row -> row instanceof MeasureRow m ? badges.status(m.measure()).theme() : "")
                .withProperty("label", row -> row instanceof MeasureRow m ? badges.status(m.measure()).text() : "")
                .withProperty("bar", row -> row instanceof MeasureRow m ? badges.progressTheme(m.measure()) : "")
                .withProperty("progress", row -> row instanceof MeasureRow m ? m.measure().getProgress() / 100.0 : 0)
                .withProperty("percent", row -> row instanceof MeasureRow m ? m.measure().getProgress() + "%" : "");
    }

    private LitRenderer<LedgerRow> alertRenderer() {
        return LitRenderer.<LedgerRow>of(
                        "<span theme=\"${item.theme} small\" title=\"${item.tip}\" ?hidden=${!item.text}>${item.text}</span>")
                .withProperty("text", row -> alert(row).text())
                .withProperty("theme", row -> alert(row).theme())
                .withProperty("tip", row -> alert(row).tip());
    }

    private MeasureBadges.Badge alert(LedgerRow row) {
        MeasureBadges.Badge b = row instanceof MeasureRow m ? badges.alert(m.measure()) : null;
        return b == null ? NO_ALERT : b;
    }

    /**
     * The phone's ledger: one narrow column where each item is a card (measure, unit, deadline and alert, status and
     * progress), so nothing needs a sideways swipe; group rows show their name and counts.
     */
    private LitRenderer<LedgerRow> cardRenderer() {
        return LitRenderer.<LedgerRow>of("""
                        <div class="ledger-card" ?hidden=${item.group}>
                          <div class="card-text clamp">${item.text}</div>
                          <div class="card-meta">
                            <span class="card-unit">${item.unit}</span>
                            <span class="card-deadline">${item.deadline}</span>
                            <span theme="${item.alertTheme} small" title="${item.alertTip}" ?hidden=${!item.alert}>${item.alert}</span>
                          </div>
                          <div class="status-cell">
                            <span theme="${item.statusTheme} small">${item.status}</span>
                            <vaadin-progress-bar theme="${item.bar}" value="${item.progress}" aria-label="${item.percent}"></vaadin-progress-bar>
                            <span class="percent">${item.percent}</span>
                          </div>
                        </div>
                        <div class="group-card" ?hidden=${!item.group}>
                          <span class="group-label">${item.groupLabel}</span>
                          <span theme="badge contrast small">${item.total}</span>
                          <span theme="badge error small" ?hidden=${!item.hasOverdue}>${item.overdue}</span>
                        </div>""")
                .withProperty("group", row -> row instanceof GroupRow)
                .withProperty("text", row -> measure(row, Measure::getContent))
                .withProperty("unit", row -> measure(row, m -> m.getUnit().getName()))
                .withProperty("deadline", row -> measure(row, badges::deadline))
                .withProperty("alert", row -> alert(row).text())
                .withProperty("alertTheme", row -> alert(row).theme())
                .withProperty("alertTip", row -> alert(row).tip())
                .withProperty("statusTheme", row -> row instanceof MeasureRow m ? badges.status(m.measure()).theme()
                        : "")
                .withProperty("status", row -> row instanceof MeasureRow m ? badges.status(m.measure()).text() : "")
                .withProperty("bar", row -> row instanceof MeasureRow m ? badges.progressTheme(m.measure()) : "")
                .withProperty("progress", row -> row instanceof MeasureRow m ? m.measure().getProgress() / 100.0 : 0)
                .withProperty("percent", row -> row instanceof MeasureRow m ? m.measure().getProgress() + "%" : "")
                .withProperty("groupLabel", row -> row instanceof GroupRow g ? g.group().label() : "")
                .withProperty("total", row -> row instanceof GroupRow g
                        ? getTranslation("ledger.group.total", g.group().total()) : "")
                .withProperty("hasOverdue", row -> row instanceof GroupRow g && g.group().overdue() > 0)
                .withProperty("overdue", row -> row instanceof GroupRow g
                        ? getTranslation("ledger.group.overdue", g.group().overdue()) : "");
    }

    /** Below this width (CSS px) the ledger shows cards and folds its filters away. */
    static final int COMPACT_WIDTH = 700;

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        Page page = attachEvent.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> setCompact(details.getWindowInnerWidth() < COMPACT_WIDTH));
        resizeRegistration = page.addBrowserWindowResizeListener(e -> setCompact(e.getWidth() < COMPACT_WIDTH));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        if (resizeRegistration != null) {
            resizeRegistration.remove();
            resizeRegistration = null;
        }
    }

    /** Phone (cards, filters behind a button) or desk (all columns, filters open). */
    void setCompact(boolean compact) {
        if (compact == this.compact && cardColumn.isVisible() == compact) {
            return;
        }
        this.compact = compact;
        for (String key : WIDE_COLUMNS) {
            grid.getColumnByKey(key).setVisible(!compact);
        }
        cardColumn.setVisible(compact);
        grid.getColumnByKey("no").setWidth(compact ? "4em" : "6.5em");
        filtersToggle.setVisible(compact);
        filterBox.setVisible(!compact || filtersOpen);
        if (compact) {
            addClassName("compact");
        } else {
            removeClassName("compact");
        }
    }

    boolean isCompact() {
        return compact;
    }

    private void toggleFilters() {
        filtersOpen = !filtersOpen;
        filterBox.setVisible(filtersOpen);
        // The grouping and the export fold away with the filters on a phone (CSS).
        if (filtersOpen) {
            addClassName("filters-open");
        } else {
            removeClassName("filters-open");
        }
        filtersToggle.getElement().setAttribute("aria-expanded", String.valueOf(filtersOpen));
    }

    /** "筛选（2）": how many conditions narrow the list, seen even with the filters folded away. */
    private void showFilterCount() {
        int count = describeParts().size();
        filtersToggle.setText(count == 0 ? getTranslation("ledger.filter.toggle")
                : getTranslation("ledger.filter.toggleCount", count));
        filtersToggle.getElement().setAttribute("data-count", String.valueOf(count));
    }

    private Component emptyState() {
        emptyState.addClassName("empty-state");
        emptyState.setId("empty-state");
        emptyState.setVisible(false);
        return emptyState;
    }

    private void openDetail(Measure m) {
        UI.getCurrent().navigate(MeasureDetailView.class, String.valueOf(m.getId()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        LedgerUrl.Parsed parsed = LedgerUrl.parse(query, options);
        readingUrl = true;
        try {
            fill(parsed.filter(), parsed.grouping());
        } finally {
            readingUrl = false;
        }
        showInvalid(parsed.invalid());
        VaadinSession.getCurrent().setAttribute(LAST_QUERY, query.getQueryString());
        show(parsed.filter(), parsed.grouping());
    }

    private void fill(LedgerFilter f, LedgerGrouping g) {
        text.setValue(f.getText() == null ? "" : f.getText());
        meeting.setValue(find(options.meetings(), f.getMeetingId()));
        year.setValue(f.getYear());
        unit.setValue(find(options.units(), f.getUnitId()));
        category.setValue(find(options.categories(), f.getCategoryId()));
        source.setValue(f.getSource());
        type.setValue(f.getType());
        status.setValue(f.getStatus());
        leader.setValue(f.getLeaderId() == null ? null : service.leader(f.getLeaderId()).orElse(null));
        deadlineFrom.setValue(f.getDeadlineFrom());
        deadlineTo.setValue(f.getDeadlineTo());
        overdueOnly.setValue(f.isOverdueOnly());
        staleOnly.setValue(f.isStaleOnly());
        atRiskOnly.setValue(f.isAtRiskOnly());
        dueWithin.setValue(f.getDueWithinDays());
        grouping.setValue(g);
        boolean moreInUse = f.getYear() != null || f.getSource() != null || f.getType() != null
                || f.getLeaderId() != null || f.getDeadlineFrom() != null || f.getDeadlineTo() != null
                || f.getDueWithinDays() != null || f.isStaleOnly();
        if (moreInUse) {
            moreFilters.setOpened(true);
        }
    }

    private static <T extends org.rectify.base.domain.AbstractEntity> T find(List<T> items, Long id) {
        return id == null ? null : items.stream().filter(i -> i.getId().equals(id)).findFirst().orElse(null);
    }

    private LedgerFilter filterFromFields() {
        return new LedgerFilter()
                .setText(text.getValue())
                .setMeetingId(meeting.getValue() == null ? null : meeting.getValue().getId())
                .setYear(year.getValue())
                .setUnitId(unit.getValue() == null ? null : unit.getValue().getId())
                .setCategoryId(category.getValue() == null ? null : category.getValue().getId())
                .setSource(source.getValue())
                .setType(type.getValue())
                .setStatus(status.getValue())
                .setLeaderId(leader.getValue() == null ? null : leader.getValue().getId())
                .setDeadlineFrom(deadlineFrom.getValue())
                .setDeadlineTo(deadlineTo.getValue())
                .setOverdueOnly(overdueOnly.getValue())
                .setStaleOnly(staleOnly.getValue())
                .setDueWithinDays(dueWithin.isInvalid() ? null : dueWithin.getValue())
                // Conditions that come only from links (the dashboard's cards) stay until cleared.
                .setUnitOnly(unit.getValue() != null && currentFilter.isUnitOnly()
                        && unit.getValue().getId().equals(currentFilter.getUnitId()))
                .setOpenOnly(currentFilter.isOpenOnly())
                .setOnTrackOnly(currentFilter.isOnTrackOnly())
                .setAtRiskOnly(atRiskOnly.getValue());
    }

    /** A filter field changed: move to the URL of the new filter; {@link #beforeEnter} then shows it. */
    private void filtersChanged() {
        if (readingUrl) {
            return;
        }
        LedgerGrouping g = grouping.getValue() == null ? LedgerGrouping.UNIT : grouping.getValue();
        UI.getCurrent().navigate(LedgerView.class, LedgerUrl.toQuery(filterFromFields(), g));
    }

    private void clearFilters() {
        UI.getCurrent().navigate(LedgerView.class, LedgerUrl.toQuery(new LedgerFilter(), currentGrouping));
    }

    private void showInvalid(List<LedgerUrl.Invalid> invalid) {
        urlWarning.removeAll();
        urlWarning.setVisible(!invalid.isEmpty());
        if (!invalid.isEmpty()) {
            String list = invalid.stream().map(i -> i.name() + "=" + i.value())
                    .collect(Collectors.joining(getTranslation("list.separator")));
            urlWarning.add(AppIcon.WARNING.create(), new Span(getTranslation("ledger.urlInvalid", list)));
        }
    }

    private void show(LedgerFilter filter, LedgerGrouping g) {
        currentFilter = filter;
        currentGrouping = g;
        LedgerService.Overview overview = service.overview(filter, g);
        LedgerTotals totals = overview.totals();
        List<LedgerGroup> groups = overview.groups();
        LedgerDataProvider provider = new LedgerDataProvider(service, filter, g, overview);
        grid.setDataProvider(provider);
        grid.expand(groups.stream().map(GroupRow::new).map(LedgerRow.class::cast).toList());
        showSummary(totals);
        showFilterCount();

        boolean empty = totals.total() == 0;
        grid.setVisible(!empty);
        emptyState.setVisible(empty);
        if (empty) {
            showEmptyState(filter);
        }
    }

    private void showSummary(LedgerTotals totals) {
        summary.removeAll();
        for (var flag : java.util.Map.of("ledger.flag.open", currentFilter.isOpenOnly(), "ledger.flag.onTrack",
                currentFilter.isOnTrackOnly(), "ledger.flag.unitOnly", currentFilter.isUnitOnly()).entrySet()) {
            if (flag.getValue()) {
                summary.add(MeasureBadges.span(getTranslation(flag.getKey()), "badge primary"));
            }
        }
        summary.add(MeasureBadges.span(getTranslation("ledger.summary.total", totals.total()), "badge contrast"),
                MeasureBadges.span(getTranslation("ledger.summary.closed", totals.closed(), totals.completionPercent()),
                        "badge success"));
        if (totals.overdue() > 0) {
            summary.add(MeasureBadges.span(getTranslation("ledger.summary.overdue", totals.overdue()), "badge error"));
        }
    }

    private void showEmptyState(LedgerFilter filter) {
        emptyState.removeAll();
        boolean filtered = !filter.isEmpty();
        emptyState.add(AppIcon.CLIPBOARD_TEXT.create(),
                new Paragraph(getTranslation(filtered ? "ledger.empty.filtered" : "ledger.empty.none")));
        if (filtered) {
            Button clear = new Button(getTranslation("ledger.filter.clear"), e -> clearFilters());
            clear.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            emptyState.add(clear);
        }
    }

    /** The filter in words, as the user set it ("会议：…；责任单位：…；仅看逾期"), for an export's subtitle. */
    String describe() {
        return String.join(getTranslation("ledger.describe.separator"), describeParts());
    }

    /** Each condition in force, in words. */
    private List<String> describeParts() {
        List<String> parts = new java.util.ArrayList<>();
        if (!Texts.isBlank(text.getValue())) {
            parts.add(getTranslation("ledger.describe.text", Texts.strip(text.getValue())));
        }
        for (ComboBox<?> box : List.<ComboBox<?>>of(meeting, year, unit, category, source, type, status, leader)) {
            if (box.getValue() != null) {
                @SuppressWarnings("unchecked")
                ComboBox<Object> b = (ComboBox<Object>) box;
                String value = b.getItemLabelGenerator().apply(b.getValue()).strip();
                parts.add(box.getLabel() + getTranslation("ledger.describe.colon") + value);
            }
        }
        if (deadlineFrom.getValue() != null || deadlineTo.getValue() != null) {
            parts.add(getTranslation("ledger.describe.deadline",
                    deadlineFrom.getValue() == null ? "" : deadlineFrom.getValue().toString(),
                    deadlineTo.getValue() == null ? "" : deadlineTo.getValue().toString()));
        }
        if (dueWithin.getValue() != null && !dueWithin.isInvalid()) {
            parts.add(getTranslation("ledger.describe.dueWithin", dueWithin.getValue()));
        }
        for (Checkbox box : List.of(overdueOnly, staleOnly, atRiskOnly)) {
            if (box.getValue()) {
                parts.add(box.getLabel());
            }
        }
        for (var flag : List.of(java.util.Map.entry("ledger.flag.open", currentFilter.isOpenOnly()),
                java.util.Map.entry("ledger.flag.onTrack", currentFilter.isOnTrackOnly()),
                java.util.Map.entry("ledger.flag.unitOnly", currentFilter.isUnitOnly()))) {
            if (flag.getValue()) {
                parts.add(getTranslation(flag.getKey()));
            }
        }
        return parts;
    }

    /** For tests and the dashboard's links: the filter the ledger is showing. */
    LedgerFilter currentFilter() {
        return currentFilter.copy();
    }

    LedgerGrouping currentGrouping() {
        return currentGrouping;
    }
}
