package org.rectify.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.org.ui.OrgLabels;
import org.rectify.base.ui.UserErrors;
import org.rectify.org.OrgService;
import org.rectify.org.Person;
import org.rectify.org.Unit;
import org.rectify.security.Role;
import org.rectify.security.UserAccount;
import org.rectify.security.UserService;
import org.rectify.security.UserService.UserDraft;

/** 用户管理 (office): create logins, set role and unit, disable, reset passwords, lift login locks. */
@Route("admin/users")
@Menu(order = 140, icon = "rectify:key", title = "nav.users")
@RolesAllowed(Role.OFFICE_NAME)
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserService users;
    private final OrgService org;
    private final Grid<UserAccount> grid = new Grid<>();

    public UsersView(UserService users, OrgService org) {
        this.users = users;
        this.org = org;
        addClassName("users-view");
        setSizeFull();
        H2 title = new H2(getTranslation("users.title"));
        title.addClassName("view-title");
        Button create = new Button(getTranslation("users.create"), AppIcon.PLUS.create(), e -> edit(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-user");
        HorizontalLayout header = new HorizontalLayout(title, create);
        header.setWidthFull();
        header.setJustifyContentMode(JustifyContentMode.BETWEEN);
        header.setAlignItems(Alignment.CENTER);

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setId("users-grid");
        grid.addColumn(UserAccount::getUsername).setHeader(getTranslation("users.username")).setAutoWidth(true);
        grid.addColumn(UserAccount::getDisplayName).setHeader(getTranslation("users.displayName"))
                .setAutoWidth(true);
        grid.addColumn(u -> getTranslation(u.getRole().messageKey())).setHeader(getTranslation("users.role"))
                .setAutoWidth(true);
        grid.addColumn(u -> u.getUnit() != null ? u.getUnit().getName()
                        : u.getPerson() != null ? u.getPerson().getName() : "")
                .setHeader(getTranslation("users.scope")).setAutoWidth(true);
        grid.addColumn(this::state).setHeader(getTranslation("users.state")).setKey("state").setAutoWidth(true);
        grid.addComponentColumn(this::rowActions).setHeader(getTranslation("users.actions")).setKey("actions")
                .setAutoWidth(true);
        add(header, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(users.list());
    }

    private String state(UserAccount u) {
        if (!u.isEnabled()) {
            return getTranslation("users.disabled");
        }
        return users.isLocked(u) ? getTranslation("users.locked",
                u.getLockedUntil().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")))
                : getTranslation("users.enabled");
    }

    private Component rowActions(UserAccount u) {
        Button edit = new Button(getTranslation("users.edit"), e -> edit(u));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Button toggle = new Button(getTranslation(u.isEnabled() ? "users.disable" : "users.enable"),
                e -> run(() -> users.setEnabled(u.getId(), u.getVersion(), !u.isEnabled()), "users.saved"));
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Button reset = new Button(getTranslation("users.resetPassword"), e -> resetPassword(u));
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout actions = new HorizontalLayout(edit, toggle, reset);
        if (users.isLocked(u)) {
            Button unlock = new Button(getTranslation("users.unlock"),
                    e -> run(() -> users.unlock(u.getId()), "users.unlocked"));
            unlock.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            unlock.setId("unlock-" + u.getUsername());
            actions.addComponentAsFirst(unlock);
        }
        actions.getStyle().set("gap", "var(--lumo-space-m)");
        return actions;
    }

    private void resetPassword(UserAccount u) {
        try {
            String password = users.resetPassword(u.getId(), u.getVersion());
            ConfirmDialog shown = new ConfirmDialog(getTranslation("users.newPassword.title"),
                    getTranslation("users.newPassword.text", u.getUsername(), password),
                    getTranslation("action.ok"), e -> { });
            shown.setId("new-password");
            shown.open();
            refresh();
        } catch (RuntimeException e) {
            UserErrors.show(this, e);
        }
    }

    private void run(Runnable action, String doneKey) {
        try {
            action.run();
            Notification.show(getTranslation(doneKey), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (RuntimeException e) {
            UserErrors.show(this, e);
        }
        refresh();
    }

    /** The create/edit form; {@code existing} is null for a new login. */
    private void edit(UserAccount existing) {
        Dialog dialog = new Dialog(getTranslation(existing == null ? "users.create" : "users.edit"));
        dialog.setWidth("min(36rem, 95vw)");
        TextField username = new TextField(getTranslation("users.username"));
        username.setId("user-username");
        TextField name = new TextField(getTranslation("users.displayName"));
        name.setId("user-name");
        Select<Role> role = new Select<>();
        role.setId("user-role");
        role.setLabel(getTranslation("users.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        ComboBox<Unit> unit = new ComboBox<>(getTranslation("users.unit"));
        unit.setId("user-unit");
        unit.setItems(org.activeUnitsInTreeOrder());
        unit.setItemLabelGenerator(OrgLabels::indented);
        ComboBox<Person> person = new ComboBox<>(getTranslation("users.person"));
        person.setId("user-person");
        person.setItems(org.people());
        person.setItemLabelGenerator(OrgLabels::person);
        person.setClearButtonVisible(true);
        person.setHelperText(getTranslation("users.personHelp"));
        PasswordField password = new PasswordField(getTranslation("users.password"));
        password.setId("user-password");
        password.setHelperText(getTranslation("users.passwordHelp"));
        role.addValueChangeListener(e -> {
            unit.setVisible(e.getValue() == Role.UNIT_CONTACT);
            person.setRequiredIndicatorVisible(e.getValue() == Role.LEADER);
        });
        role.setValue(Role.UNIT_CONTACT);
        if (existing != null) {
            username.setValue(existing.getUsername());
            username.setReadOnly(true);
            name.setValue(existing.getDisplayName());
            role.setValue(existing.getRole());
            unit.setValue(existing.getUnit() == null ? null : org.unitsInTreeOrder().stream()
                    .filter(x -> x.getId().equals(existing.getUnit().getId())).findFirst().orElse(null));
            person.setValue(existing.getPerson() == null ? null : org.people().stream()
                    .filter(x -> x.getId().equals(existing.getPerson().getId())).findFirst().orElse(null));
            password.setVisible(false);
        }
        Div error = new Div();
        error.addClassName("form-error");
        error.setVisible(false);
        FormLayout form = new FormLayout(username, name, role, unit, person, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        dialog.add(error, form);
        Button save = new Button(getTranslation("form.save"), e -> {
            UserDraft draft = new UserDraft(username.getValue(), name.getValue(), role.getValue(),
                    person.getValue() == null ? null : person.getValue().getId(),
                    unit.getValue() == null ? null : unit.getValue().getId());
            try {
                if (existing == null) {
                    users.create(draft, password.getValue());
                } else {
                    users.update(existing.getId(), existing.getVersion(), draft);
                }
                dialog.close();
                Notification.show(getTranslation("users.saved"), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (ConstraintViolationException invalid) {
                error.setText(invalid.getConstraintViolations().stream()
                        .map(v -> v.getMessage()).collect(Collectors.joining("；")));
                error.setVisible(true);
            } catch (RuntimeException ex) {
                error.setText(UserErrors.text(this, ex));
                error.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-user");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · " + getTranslation("app.name");
    }
}
