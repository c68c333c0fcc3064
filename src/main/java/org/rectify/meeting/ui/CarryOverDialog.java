package org.rectify.meeting.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.List;
import org.rectify.base.ui.Notices;
import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.i18n.ComponentTexts;
import org.rectify.ledger.Measure;
import org.rectify.meeting.CarryOverService;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingService;

/**
 * 结转上年度未整改到位事项: the unfinished items of an earlier meeting of the same organization (the one just
 * before, by default); the office picks the ones that continue and gives them a new deadline.
 */
class CarryOverDialog extends Dialog {

    private final CarryOverService service;
    private final Meeting target;
    private final Grid<Measure> grid = new Grid<>();
    private final Select<Meeting> source = new Select<>();
    private final DatePicker deadline;
    private final Div error = new Div();
    private final Paragraph intro = new Paragraph();
    private final Button run = new Button();

    CarryOverDialog(CarryOverService service, MeetingService meetings, Meeting target, Runnable onDone) {
        this.service = service;
        this.target = target;
        setHeaderTitle(getTranslation("carryOver.title"));
        setWidth("min(64rem, 96vw)");
        setId("carry-over-dialog");
        List<Meeting> earlier = meetings.earlier(target.getId());
        source.setLabel(getTranslation("carryOver.source"));
        source.setItems(earlier);
        source.setItemLabelGenerator(m -> m.getTitle() + "（" + m.getHeldOn() + "）");
        source.setWidth("min(30em, 100%)");
        source.setId("carry-source");
        deadline = ComponentTexts.datePicker(this, "carryOver.deadline");
        deadline.setValue(LocalDate.of(target.getHeldOn().getYear(), 12, 31));
        deadline.setMin(target.getHeldOn());
        deadline.setHelperText(getTranslation("carryOver.deadlineHelp"));
        deadline.setId("carry-deadline");
        error.addClassName("form-error");
        error.setVisible(false);
        grid.setId("carry-candidates");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(m -> m.getProblem().getSeqNo() + "-" + m.getSeqNo()).setHeader(getTranslation("ledger.col.no"))
                .setWidth("5em").setFlexGrow(0);
        grid.addColumn(m -> m.getProblem().getDescription()).setHeader(getTranslation("ledger.col.problem"))
                .setFlexGrow(2);
        grid.addColumn(Measure::getContent).setHeader(getTranslation("ledger.col.measure")).setFlexGrow(2);
        grid.addColumn(m -> m.getUnit().getName()).setHeader(getTranslation("ledger.col.unit")).setWidth("8em")
                .setFlexGrow(0);
        grid.addColumn(m -> getTranslation(m.getStatus().messageKey()) + " " + m.getProgress() + "%")
                .setHeader(getTranslation("ledger.col.status")).setWidth("8em").setFlexGrow(0);
        grid.setHeight("24em");
        grid.addSelectionListener(e -> updateButton());
        source.addValueChangeListener(e -> load());
        HorizontalLayout choices = new HorizontalLayout(source, deadline);
        choices.setAlignItems(FlexComponent.Alignment.BASELINE);
        choices.setWrap(true);
        add(intro, choices, error, grid);
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setId("carry-run");
        run.addClickListener(e -> {
            try {
                List<Measure> done = service.carryOver(target.getId(), source.getValue().getId(),
                        grid.getSelectedItems().stream().map(m -> new CarryOverService.Choice(m.getId(),
                                m.getVersion())).toList(), deadline.getValue());
                close();
                Notices.done(getTranslation("carryOver.done", done.size()));
                onDone.run();
            } catch (RuntimeException ex) {
                error.setText(UserErrors.text(this, ex));
                error.setVisible(true);
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), run);
        source.setValue(earlier.isEmpty() ? null : earlier.get(0));
        updateButton();
    }

    private void load() {
        error.setVisible(false);
        if (source.getValue() == null) {
            grid.setItems(List.of());
            intro.setText(getTranslation("carryOver.noSource"));
            return;
        }
        List<Measure> candidates = service.candidates(source.getValue().getId());
        grid.setItems(candidates);
        intro.setText(candidates.isEmpty() ? getTranslation("carryOver.none", source.getValue().getTitle())
                : getTranslation("carryOver.intro", candidates.size(), source.getValue().getTitle(), target.getTitle()));
        updateButton();
    }

    private void updateButton() {
        int n = grid.getSelectedItems().size();
        run.setText(getTranslation("carryOver.run", n));
        run.setEnabled(n > 0);
    }

    /** For tests. */
    Grid<Measure> grid() {
        return grid;
    }
}
