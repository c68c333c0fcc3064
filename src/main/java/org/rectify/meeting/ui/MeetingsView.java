package org.rectify.meeting.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.meeting.MeetingService;
import org.rectify.meeting.MeetingService.MeetingRow;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;

/** 会议 (office, leaders): every meeting with its ledger's size and whether its filing is late. */
@Route("meetings")
@Menu(order = 25, icon = "rectify:calendar-user", title = "nav.meetings")
@RolesAllowed({Role.OFFICE_NAME, Role.LEADER_NAME})
public class MeetingsView extends VerticalLayout implements HasDynamicTitle {

    public MeetingsView(MeetingService meetings, CurrentUser currentUser) {
        addClassName("meetings-view");
        setSizeFull();
        H2 title = new H2(getTranslation("meetings.title"));
        title.addClassName("view-title");
        HorizontalLayout header = new HorizontalLayout(title);
        header.setWidthFull();
        header.setJustifyContentMode(JustifyContentMode.BETWEEN);
        header.setAlignItems(Alignment.CENTER);
        header.addClassName("view-header");
        if (currentUser.require().is(Role.OFFICE)) {
            Button create = new Button(getTranslation("meetings.create"), AppIcon.PLUS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(MeetingEditorView.class)));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("create-meeting");
            header.add(create);
        }
        List<MeetingRow> rows = meetings.overview();
        add(header);
        if (rows.isEmpty()) {
            Div empty = new Div(AppIcon.CALENDAR_USER.create(), new Paragraph(getTranslation("meetings.empty")));
            empty.addClassName("empty-state");
            empty.setId("meetings-empty");
            add(empty);
            return;
        }
        Grid<MeetingRow> grid = new Grid<>();
        grid.setId("meetings-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(r -> r.meeting().getTitle()).setHeader(getTranslation("meeting.title")).setFlexGrow(3);
        grid.addColumn(r -> getTranslation(r.meeting().getKind().messageKey()))
                .setHeader(getTranslation("meeting.kind")).setAutoWidth(true);
        grid.addColumn(r -> r.meeting().getOrganization().getName()).setHeader(getTranslation("meeting.organization"))
                .setFlexGrow(1);
        grid.addColumn(r -> r.meeting().getHeldOn().toString()).setHeader(getTranslation("meeting.heldOn"))
                .setAutoWidth(true);
        grid.addComponentColumn(r -> MeetingBadges.status(this, r.meeting())).setHeader(getTranslation("meeting.status"))
                .setAutoWidth(true);
        grid.addComponentColumn(r -> MeetingBadges.filing(this, r.meeting(), r.filingOverdue())).setHeader(getTranslation("meeting.filing")).setAutoWidth(true);
        grid.addColumn(MeetingRow::problems).setHeader(getTranslation("meetings.problems")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("meetings.measures", r.measures(), r.openMeasures()))
                .setHeader(getTranslation("meetings.measuresHeader")).setAutoWidth(true);
        grid.setItems(rows);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(MeetingView.class,
                e.getItem().meeting().getId())));
        add(grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("meetings.title") + " · " + getTranslation("app.name");
    }
}
