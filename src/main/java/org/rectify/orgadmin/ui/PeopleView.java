package org.rectify.orgadmin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rectify.base.InvalidDraftException;
import org.rectify.base.ui.Notices;
import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.org.OrgService;
import org.rectify.org.Person;
import org.rectify.org.Position;
import org.rectify.org.Unit;
import org.rectify.org.ui.OrgLabels;
import org.rectify.orgadmin.PeopleService;
import org.rectify.orgadmin.PeopleService.PeopleQuery;
import org.rectify.orgadmin.PeopleService.PersonRow;
import org.rectify.security.Role;
import org.rectify.security.UserService;
import org.rectify.transfer.Workbooks;
import org.rectify.transfer.ui.ImportButtons;

/**
 * 人员管理 (office): everyone the ledger names, searchable and filtered by unit and position; create and edit,
 * deactivate with a hand-over of open items, and logins for many people in one step.
 */
@Route("admin/people")
@Menu(order = 120, icon = "rectify:user-card", title = "nav.people")
@RolesAllowed(Role.OFFICE_NAME)
public class PeopleView extends VerticalLayout implements HasDynamicTitle {

    /** People a bulk login creation takes at once. */
    static final int MAX_BULK = 500;

    private final PeopleService service;
    private final UserService users;
    private final OrgService org;
    private final TextField text = new TextField();
    private final ComboBox<Unit> unit = new ComboBox<>();
    private final Select<Position> position = new Select<>();
    private final Checkbox inactive = new Checkbox();
    private final Grid<PersonRow> grid = new Grid<>();
    private final Span count = new Span();

    public PeopleView(PeopleService service, UserService users, OrgService org, ImportButtons imports) {
        this.service = service;
        this.users = users;
        this.org = org;
        addClassName("admin-view");
        setSizeFull();
        H2 title = new H2(getTranslation("people.title"));
        title.addClassName("view-title");
        Button create = new Button(getTranslation("people.create"), AppIcon.PLUS.create(), e -> edit(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-person");
        Button logins = new Button(getTranslation("people.createLogins"), AppIcon.KEY.create(),
                e -> createLogins());
        logins.setId("create-logins");
        logins.setTooltipText(getTranslation("people.createLogins.hint"));
        FlexLayout actions = new FlexLayout(create, logins);
        imports.orgImport(this::refresh).forEach(c -> actions.add(c));
        actions.addClassName("view-actions");
        HorizontalLayout header = new HorizontalLayout(title, actions);
        header.setWidthFull();
        header.setJustifyContentMode(JustifyContentMode.BETWEEN);
        header.setAlignItems(Alignment.CENTER);
        header.addClassName("view-header");

        text.setPlaceholder(getTranslation("people.search"));
        text.setPrefixComponent(AppIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setId("people-search");
        unit.setPlaceholder(getTranslation("people.allUnits"));
        unit.setItems(org.unitsInTreeOrder());
        unit.setItemLabelGenerator(OrgLabels::indented);
        unit.setClearButtonVisible(true);
        unit.setId("people-unit");
        unit.getStyle().set("--vaadin-combo-box-overlay-width", "24em");
        position.setEmptySelectionAllowed(true);
        position.setEmptySelectionCaption(getTranslation("people.allPositions"));
        position.setItems(Position.values());
        position.setItemLabelGenerator(p -> p == null ? getTranslation("people.allPositions")
                : getTranslation(p.messageKey()));
        position.setId("people-position");
        inactive.setLabel(getTranslation("people.includeInactive"));
        text.addValueChangeListener(e -> refresh());
        unit.addValueChangeListener(e -> refresh());
        position.addValueChangeListener(e -> refresh());
        inactive.addValueChangeListener(e -> refresh());
        count.addClassName("result-count");
        FlexLayout filters = new FlexLayout(text, unit, position, inactive, count);
        filters.addClassName("filter-row");
        filters.setAlignItems(Alignment.BASELINE);

        grid.setId("people-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(r -> r.person().getName()).setHeader(getTranslation("people.name")).setAutoWidth(true);
        grid.addColumn(r -> r.person().getUnit().getName()).setHeader(getTranslation("people.unit"))
                .setFlexGrow(1);
        grid.addColumn(r -> getTranslation(r.person().getPosition().messageKey()))
                .setHeader(getTranslation("people.position")).setAutoWidth(true);
        grid.addColumn(r -> r.person().isCommitteeMember() ? "✓" : "").setHeader(getTranslation("people.committee"))
                .setAutoWidth(true);
        grid.addColumn(r -> nz(r.person().getEmail())).setHeader(getTranslation("people.email")).setFlexGrow(1);
        grid.addColumn(r -> nz(r.person().getPhone())).setHeader(getTranslation("people.phone")).setAutoWidth(true);
        grid.addColumn(r -> r.login() == null ? "—" : r.login().getUsername() + (r.login().isEnabled() ? ""
                : "（" + getTranslation("users.disabled") + "）")).setHeader(getTranslation("people.login"))
                .setAutoWidth(true);
        grid.addColumn(PersonRow::openItems).setHeader(getTranslation("people.openItems")).setAutoWidth(true);
        grid.addComponentColumn(this::state).setHeader(getTranslation("users.state")).setAutoWidth(true);
        grid.addComponentColumn(this::rowActions).setHeader(getTranslation("users.actions")).setAutoWidth(true)
                .setKey("actions");
        add(header, filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private PeopleQuery query() {
        return new PeopleQuery(text.getValue(), unit.getValue() == null ? null : unit.getValue().getId(),
                position.getValue(), inactive.getValue(), false);
    }

    private void refresh() {
        PeopleQuery q = query();
        CallbackDataProvider<PersonRow, Void> provider = DataProvider.fromCallbacks(
                query -> service.find(q, query.getOffset(), query.getLimit()).stream(),
                query -> (int) service.count(q));
        grid.setItems(provider);
        count.setText(getTranslation("people.count", service.count(q)));
    }

    private Component state(PersonRow r) {
        Span s = new Span(getTranslation(r.person().isActive() ? "users.enabled" : "people.inactive"));
        s.getElement().getThemeList().add(r.person().isActive() ? "badge success small" : "badge contrast small");
        return s;
    }

    private Component rowActions(PersonRow r) {
        Button edit = new Button(getTranslation("users.edit"), e -> edit(r.person()));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Button toggle;
        if (r.person().isActive()) {
            toggle = new Button(getTranslation("people.deactivate"), e -> deactivate(r));
        } else {
            toggle = new Button(getTranslation("users.enable"), e -> {
                try {
                    service.activate(r.person().getId(), r.person().getVersion());
                    Notices.done(getTranslation("users.saved"));
                } catch (RuntimeException ex) {
                    UserErrors.show(this, ex);
                }
                refresh();
            });
        }
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout row = new HorizontalLayout(edit, toggle);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return row;
    }

    private void edit(Person existing) {
        Dialog dialog = new Dialog(getTranslation(existing == null ? "people.create" : "people.edit"));
        dialog.setWidth("min(40rem, 95vw)");
        PersonForm form = new PersonForm(org.activeUnitsInTreeOrder());
        form.setPerson(existing, unit.getValue());
        form.addSaveListener(e -> {
            try {
                if (existing == null) {
                    service.create(e.draft());
                } else {
                    service.update(existing.getId(), existing.getVersion(), e.draft());
                }
                dialog.close();
                Notices.done(getTranslation("users.saved"));
                refresh();
            } catch (InvalidDraftException invalid) {
                form.showViolations(invalid.violations());
            } catch (RuntimeException ex) {
                form.showError(ex);
            }
        });
        Button save = new Button(getTranslation("form.save"), e -> form.save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-person");
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        form.focus();
    }

    /** 停用: with open items, first who takes them over; all in one transaction. */
    private void deactivate(PersonRow r) {
        Person p = r.person();
        int open = service.openItemCount(p.getId());
        Dialog dialog = new Dialog(getTranslation("people.deactivate.title", p.getName()));
        dialog.setWidth("min(36rem, 95vw)");
        dialog.setId("deactivate-dialog");
        Div error = new Div();
        error.addClassName("form-error");
        error.setVisible(false);
        dialog.add(error, new Paragraph(open == 0 ? getTranslation("people.deactivate.noItems")
                : getTranslation("people.deactivate.items", open)));
        ComboBox<Person> successor = new ComboBox<>(getTranslation("people.successor"));
        successor.setId("successor");
        successor.setWidthFull();
        successor.setItems(service.successorsFor(p.getId()));
        successor.setItemLabelGenerator(OrgLabels::person);
        successor.setVisible(open > 0);
        successor.setRequiredIndicatorVisible(open > 0);
        dialog.add(successor);
        if (r.login() != null) {
            dialog.add(new Paragraph(getTranslation("people.deactivate.login", r.login().getUsername())));
        }
        Button confirm = new Button(getTranslation("people.deactivate"), e -> {
            try {
                PeopleService.Deactivation done = service.deactivate(p.getId(), p.getVersion(),
                        successor.getValue() == null ? null : successor.getValue().getId());
                dialog.close();
                Notices.done(getTranslation("people.deactivated", p.getName(), done.handOver().total(),
                        done.loginsDisabled()));
                refresh();
            } catch (RuntimeException ex) {
                error.setText(UserErrors.text(this, ex));
                error.setVisible(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId("confirm-deactivate");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    /**
     * Logins for the people selected, or — with nothing selected — for everyone the filter shows who has none
     * yet (e.g. position 联络员: every unit's contact in one step).
     */
    private void createLogins() {
        List<PersonRow> chosen = new ArrayList<>(grid.getSelectedItems().stream()
                .filter(r -> r.login() == null && r.person().isActive()).toList());
        if (grid.getSelectedItems().isEmpty()) {
            PeopleQuery q = query();
            chosen.addAll(service.find(new PeopleQuery(q.text(), q.unitId(), q.position(), false, true), 0,
                    MAX_BULK));
        }
        Dialog dialog = new Dialog(getTranslation("people.createLogins"));
        dialog.setWidth("min(56rem, 96vw)");
        dialog.setId("logins-dialog");
        if (chosen.isEmpty()) {
            dialog.add(new Paragraph(getTranslation("people.createLogins.none")));
            dialog.getFooter().add(new Button(getTranslation("action.ok"), e -> dialog.close()));
            dialog.open();
            return;
        }
        dialog.add(new Paragraph(getTranslation("people.createLogins.text", chosen.size())));
        Set<String> taken = new HashSet<>();
        List<LoginLine> lines = new ArrayList<>();
        for (PersonRow r : chosen) {
            String suggestion = users.suggestUsername(r.person(), taken);
            taken.add(suggestion.toLowerCase(java.util.Locale.ROOT));
            lines.add(new LoginLine(r.person(), suggestion, defaultRole(r.person())));
        }
        Grid<LoginLine> table = new Grid<>();
        table.setId("logins-grid");
        table.addThemeVariants(GridVariant.LUMO_COMPACT);
        table.addColumn(l -> l.person.getName()).setHeader(getTranslation("people.name")).setAutoWidth(true);
        table.addColumn(l -> l.person.getUnit().getName()).setHeader(getTranslation("people.unit")).setFlexGrow(1);
        table.addComponentColumn(l -> {
            TextField username = new TextField();
            username.setValue(l.username);
            username.setWidthFull();
            username.addValueChangeListener(e -> l.username = e.getValue());
            return username;
        }).setHeader(getTranslation("users.username")).setWidth("12em");
        table.addComponentColumn(l -> {
            Select<Role> role = new Select<>();
            role.setItems(l.person.isCommitteeMember() ? List.of(Role.LEADER, Role.UNIT_CONTACT, Role.OFFICE,
                    Role.MEMBER) : List.of(Role.UNIT_CONTACT, Role.OFFICE, Role.MEMBER));
            role.setItemLabelGenerator(x -> getTranslation(x.messageKey()));
            role.setValue(l.role);
            role.addValueChangeListener(e -> l.role = e.getValue());
            return role;
        }).setHeader(getTranslation("users.role")).setWidth("10em");
        table.setItems(lines);
        table.setAllRowsVisible(lines.size() <= 10);
        Div error = new Div();
        error.addClassName("form-error");
        error.setVisible(false);
        dialog.add(error, table);
        Button create = new Button(getTranslation("people.createLogins.run", lines.size()));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("run-create-logins");
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        create.addClickListener(e -> {
            try {
                List<UserService.Credentials> created = users.createLogins(lines.stream()
                        .map(l -> new UserService.NewLogin(l.person.getId(), l.username, l.role)).toList());
                showCredentials(dialog, created);
                create.setVisible(false);
                cancel.setText(getTranslation("dialog.close"));
                refresh();
            } catch (RuntimeException ex) {
                error.setText(UserErrors.text(this, ex));
                error.setVisible(true);
            }
        });
        dialog.getFooter().add(cancel, create);
        dialog.open();
    }

    /** The new passwords, shown once, and as a sheet to hand out. */
    private void showCredentials(Dialog dialog, List<UserService.Credentials> created) {
        dialog.removeAll();
        dialog.add(new Paragraph(getTranslation("people.credentials.text", created.size())));
        Grid<UserService.Credentials> table = new Grid<>();
        table.setId("credentials-grid");
        table.addThemeVariants(GridVariant.LUMO_COMPACT);
        table.addColumn(UserService.Credentials::displayName).setHeader(getTranslation("people.name"));
        table.addColumn(UserService.Credentials::unit).setHeader(getTranslation("people.unit"));
        table.addColumn(UserService.Credentials::username).setHeader(getTranslation("users.username"));
        table.addColumn(UserService.Credentials::password).setHeader(getTranslation("people.initialPassword"));
        table.setItems(created);
        table.setAllRowsVisible(created.size() <= 10);
        byte[] sheet = Workbooks.table(getTranslation("people.credentials.sheet"),
                List.of(getTranslation("people.name"), getTranslation("people.unit"),
                        getTranslation("users.username"), getTranslation("people.initialPassword")),
                created.stream().map(c -> List.of(c.displayName(), c.unit(), c.username(), c.password())).toList());
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(sheet), "初始密码.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sheet.length)), "");
        download.add(AppIcon.DOWNLOAD_ALT.create(), new Span(getTranslation("people.credentials.download")));
        download.setId("download-credentials");
        dialog.add(table, download);
    }

    /** One login to create, as the office adjusts it in the dialog. */
    private static final class LoginLine {
        final Person person;
        String username;
        Role role;

        LoginLine(Person person, String username, Role role) {
            this.person = person;
            this.username = username;
            this.role = role;
        }
    }

    /** A login grants no more than the person's post needs: contacts and unit heads report, others read. */
    private static Role defaultRole(Person p) {
        if (p.isCommitteeMember()) {
            return Role.LEADER;
        }
        return p.getPosition() == Position.LIAISON || p.getPosition() == Position.UNIT_HEAD ? Role.UNIT_CONTACT
                : Role.MEMBER;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("people.title") + " · " + getTranslation("app.name");
    }
}
