package org.rectify.disclosure.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.rectify.base.InvalidDraftException;
import org.rectify.base.Texts;
import org.rectify.base.ui.Notices;
import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.disclosure.DisclosureService;
import org.rectify.disclosure.DisclosureService.Candidate;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.Measure;
import org.rectify.meeting.Meeting;
import org.rectify.security.Role;

/**
 * 公示管理: the office picks a meeting, sees the items that may be disclosed (closed, or long-term under way),
 * discloses them in the ledger's words or its own, changes the wording, and takes items off the board.
 */
@Route("office/disclosure")
@Menu(order = 55, icon = "rectify:clipboard-check", title = "nav.disclosureManage")
@RolesAllowed(Role.OFFICE_NAME)
public class DisclosureManageView extends VerticalLayout implements HasDynamicTitle {

    private enum Show { ALL, UNDISCLOSED, DISCLOSED }

    private final DisclosureService disclosures;
    private final Select<Meeting> meeting = new Select<>();
    private final RadioButtonGroup<Show> show = new RadioButtonGroup<>();
    private final TextField search = new TextField();
    private final Span counts = new Span();
    private final Grid<Candidate> grid = new Grid<>();
    private final Button publishSelected = new Button();
    private List<Candidate> all = List.of();

    public DisclosureManageView(DisclosureService disclosures, LedgerService ledger) {
        this.disclosures = disclosures;
        addClassName("disclosure-manage");
        setSizeFull();
        H2 title = new H2(getTranslation("disclosureManage.title"));
        title.addClassName("view-title");
        Paragraph intro = new Paragraph(getTranslation("disclosureManage.intro"));
        intro.addClassName("form-hint");

        List<Meeting> meetings = ledger.filterOptions().meetings();
        meeting.setLabel(getTranslation("ledger.filter.meeting"));
        meeting.setItems(meetings);
        meeting.setItemLabelGenerator(Meeting::getTitle);
        meeting.setWidth("22em");
        meeting.setId("disclosure-meeting");
        show.setItems(Show.values());
        show.setItemLabelGenerator(s -> getTranslation("disclosureManage.show." + s.name()));
        show.setValue(Show.ALL);
        show.setId("disclosure-show");
        search.setPlaceholder(getTranslation("disclosureManage.search"));
        search.setAriaLabel(getTranslation("disclosureManage.search"));
        search.setPrefixComponent(AppIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("disclosure-search");
        search.addValueChangeListener(e -> filter());
        Anchor board = new Anchor(RouteConfiguration.forSessionScope().getUrl(DisclosureView.class),
                getTranslation("disclosureManage.openBoard"));
        publishSelected.setIcon(AppIcon.MEGAPHONE.create());
        publishSelected.setId("publish-selected");
        publishSelected.setEnabled(false);
        publishSelected.addClickListener(e -> publishSelected());
        FlexLayout bar = new FlexLayout(meeting, search, show, publishSelected, board);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.addClassName("filter-row");
        counts.setId("disclosure-counts");
        counts.addClassName("disclosure-counts");

        grid();
        add(title, intro, bar, counts, grid);
        setFlexGrow(1, grid);
        meeting.addValueChangeListener(e -> refresh());
        show.addValueChangeListener(e -> filter());
        ledger.latestMeetingId().flatMap(id -> meetings.stream().filter(m -> m.getId().equals(id)).findFirst())
                .ifPresent(meeting::setValue);
    }

    private void grid() {
        grid.setId("disclosure-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(c -> c.measure().getProblem().getSeqNo() + "-" + c.measure().getSeqNo())
                .setHeader(getTranslation("ledger.col.no")).setWidth("5em").setFlexGrow(0);
        grid.addColumn(c -> c.disclosed() ? c.disclosure().getPublicProblem() : c.measure().getProblem()
                .getDescription()).setHeader(getTranslation("disclosure.col.problem")).setFlexGrow(3);
        grid.addColumn(c -> c.disclosed() ? c.disclosure().getPublicMeasure() : c.measure().getContent())
                .setHeader(getTranslation("disclosure.col.measure")).setFlexGrow(3);
        grid.addColumn(c -> c.measure().getUnit().getName()).setHeader(getTranslation("ledger.col.unit"))
                .setWidth("8em").setFlexGrow(0);
        grid.addColumn(c -> getTranslation(c.measure().getStatus().messageKey()) + (c.measure().getCompletedOn() == null
                ? "" : "（" + c.measure().getCompletedOn() + "）")).setHeader(getTranslation("ledger.col.status"))
                .setWidth("10em").setFlexGrow(0);
        grid.addComponentColumn(this::state).setHeader(getTranslation("disclosureManage.col.disclosed"))
                .setWidth("9em").setFlexGrow(0);
        grid.addComponentColumn(this::actions).setWidth("11em").setFlexGrow(0);
        grid.addSelectionListener(e -> {
            long n = e.getAllSelectedItems().stream().filter(c -> !c.disclosed()).count();
            publishSelected.setText(getTranslation("disclosureManage.publishSelected", n));
            publishSelected.setEnabled(n > 0);
        });
        publishSelected.setText(getTranslation("disclosureManage.publishSelected", 0));
    }

    private Component state(Candidate c) {
        if (!c.disclosed()) {
            Span s = new Span(getTranslation("disclosureManage.notDisclosed"));
            s.getElement().getThemeList().add("badge contrast");
            return s;
        }
        Span s = new Span(getTranslation("disclosureManage.disclosed"));
        s.getElement().getThemeList().add("badge success");
        s.getElement().setAttribute("title", getTranslation("disclosureManage.by", c.disclosure().getUpdatedBy(),
                c.disclosure().getUpdatedAt().toLocalDate().toString()));
        Div box = new Div(s);
        if (c.disclosure().isShowNames()) {
            Span names = new Span(getTranslation("disclosureManage.withNames"));
            names.getElement().getThemeList().add("badge small");
            box.add(names);
        }
        return box;
    }

    private Component actions(Candidate c) {
        Button edit = new Button(getTranslation(c.disclosed() ? "disclosureManage.edit" : "disclosureManage.publish"),
                e -> edit(c));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, c.disclosed() ? ButtonVariant.LUMO_TERTIARY
                : ButtonVariant.LUMO_PRIMARY);
        edit.setId("disclose-" + c.measure().getId());
        HorizontalLayout box = new HorizontalLayout(edit);
        box.setSpacing(false);
        box.getStyle().set("gap", "var(--lumo-space-xs)");
        if (c.disclosed()) {
            Button withdraw = new Button(getTranslation("disclosureManage.withdraw"), e -> withdraw(c));
            withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            withdraw.setId("withdraw-" + c.measure().getId());
            box.add(withdraw);
        }
        return box;
    }

    private void refresh() {
        all = meeting.getValue() == null ? List.of() : disclosures.candidates(meeting.getValue().getId());
        long disclosed = all.stream().filter(Candidate::disclosed).count();
        counts.setText(getTranslation("disclosureManage.counts", all.size(), disclosed));
        filter();
    }

    private void filter() {
        grid.deselectAll();
        String text = Texts.strip(search.getValue());
        grid.setItems(all.stream().filter(c -> switch (show.getValue()) {
            case DISCLOSED -> c.disclosed();
            case UNDISCLOSED -> !c.disclosed();
            default -> true;
        }).filter(c -> text.isEmpty() || matches(c, text)).toList());
    }

    /** The search looks at the ledger's texts and the public wording alike. */
    private static boolean matches(Candidate c, String text) {
        return c.measure().getContent().contains(text) || c.measure().getProblem().getDescription().contains(text)
                || c.disclosed() && (c.disclosure().getPublicProblem().contains(text)
                || c.disclosure().getPublicMeasure().contains(text));
    }

    private void edit(Candidate c) {
        Measure m = c.measure();
        Dialog dialog = new Dialog(getTranslation(c.disclosed() ? "disclosureManage.editTitle"
                : "disclosureManage.publishTitle", m.getProblem().getSeqNo() + "-" + m.getSeqNo()));
        dialog.setWidth("min(44rem, 95vw)");
        DisclosureForm form;
        try {
            form = new DisclosureForm(m, disclosures.suggest(m.getId()));
        } catch (RuntimeException e) {
            UserErrors.show(this, e);
            return;
        }
        Integer version = c.disclosed() ? c.disclosure().getVersion() : null;
        form.addSaveListener(e -> {
            try {
                disclosures.publish(m.getId(), version, e.draft());
                dialog.close();
                Notices.done(getTranslation("disclosureManage.saved"));
                refresh();
            } catch (InvalidDraftException invalid) {
                form.showViolations(invalid.violations());
            } catch (RuntimeException ex) {
                form.showError(ex);
            }
        });
        Button save = new Button(getTranslation("disclosureManage.save"), e -> form.save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-disclosure");
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        form.focus();
    }

    private void withdraw(Candidate c) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("disclosureManage.withdrawTitle"),
                getTranslation("disclosureManage.withdrawText", c.disclosure().getPublicMeasure()),
                getTranslation("disclosureManage.withdraw"), e -> {
                    try {
                        disclosures.withdraw(c.measure().getId(), c.disclosure().getVersion());
                        Notices.done(getTranslation("disclosureManage.withdrawn"));
                    } catch (RuntimeException ex) {
                        UserErrors.show(this, ex);
                    }
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void publishSelected() {
        List<Long> ids = grid.getSelectedItems().stream().filter(c -> !c.disclosed()).map(c -> c.measure().getId())
                .toList();
        try {
            int n = disclosures.publishAsWritten(ids);
            Notices.done(getTranslation("disclosureManage.publishedN", n));
        } catch (RuntimeException ex) {
            UserErrors.show(this, ex);
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("disclosureManage.title") + " · " + getTranslation("app.name");
    }
}
