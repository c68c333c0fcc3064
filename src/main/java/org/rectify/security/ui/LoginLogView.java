package org.rectify.security.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.security.LoginEvent;
import org.rectify.security.LoginEvent.Outcome;
import org.rectify.security.Role;
import org.rectify.security.UserService;

/** 登录日志 (office): every login attempt, who, when, from where and how it ended; read page by page. */
@Route("admin/logins")
@Menu(order = 141, icon = "rectify:sign-in", title = "nav.loginLog")
@RolesAllowed(Role.OFFICE_NAME)
public class LoginLogView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final UserService users;
    private final Grid<LoginEvent> grid = new Grid<>();
    private final TextField text = new TextField();
    private final Select<Outcome> outcome = new Select<>();

    public LoginLogView(UserService users) {
        this.users = users;
        addClassName("login-log-view");
        setSizeFull();
        H2 title = new H2(getTranslation("loginLog.title"));
        title.addClassName("view-title");

        text.setId("login-log-text");
        text.setPlaceholder(getTranslation("loginLog.search"));
        text.setPrefixComponent(AppIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> refresh());
        outcome.setId("login-log-outcome");
        outcome.setItems(Outcome.values());
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption(getTranslation("loginLog.allOutcomes"));
        outcome.setItemLabelGenerator(o -> o == null ? getTranslation("loginLog.allOutcomes")
                : getTranslation(o.messageKey()));
        outcome.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(text, outcome);
        filters.setAlignItems(Alignment.BASELINE);

        grid.setId("login-log-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> e.getAt().format(TIME)).setHeader(getTranslation("loginLog.at")).setAutoWidth(true);
        grid.addColumn(LoginEvent::getUsername).setHeader(getTranslation("loginLog.username")).setAutoWidth(true);
        grid.addColumn(LoginEvent::getAddress).setHeader(getTranslation("loginLog.address")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation(e.getOutcome().messageKey()))
                .setHeader(getTranslation("loginLog.outcome")).setAutoWidth(true);
        grid.setPartNameGenerator(e -> e.getOutcome() == Outcome.SUCCESS ? null : "login-refused");
        add(title, filters, grid);
        refresh();
    }

    private void refresh() {
        // No count query: the log only grows, and the grid asks for further pages as it is scrolled.
        grid.setItems(q -> users.loginEvents(text.getValue(), outcome.getValue(), q.getPage(), q.getPageSize())
                .stream());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("loginLog.title") + " · " + getTranslation("app.name");
    }
}
