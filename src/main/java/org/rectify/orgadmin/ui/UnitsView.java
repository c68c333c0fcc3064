package org.rectify.orgadmin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.rectify.base.InvalidDraftException;
import org.rectify.base.ui.Notices;
import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.org.OrgService;
import org.rectify.org.Unit;
import org.rectify.orgadmin.UnitAdminService;
import org.rectify.orgadmin.UnitAdminService.UnitNode;
import org.rectify.security.Role;
import org.rectify.transfer.ui.ImportButtons;

/**
 * 组织机构 (office): the unit tree with what hangs on each unit; create, rename, move, reorder, disable. Units and
 * people can also come from an Excel list.
 */
@Route("admin/units")
@Menu(order = 110, icon = "rectify:sitemap", title = "nav.units")
@RolesAllowed(Role.OFFICE_NAME)
public class UnitsView extends VerticalLayout implements HasDynamicTitle {

    private final UnitAdminService service;
    private final OrgService org;
    private final TreeGrid<UnitNode> grid = new TreeGrid<>();

    public UnitsView(UnitAdminService service, OrgService org, ImportButtons imports) {
        this.service = service;
        this.org = org;
        addClassName("admin-view");
        setSizeFull();
        H2 title = new H2(getTranslation("units.title"));
        title.addClassName("view-title");
        Button create = new Button(getTranslation("units.create"), AppIcon.PLUS.create(), e -> edit(null, null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-unit");
        FlexLayout actions = new FlexLayout(create);
        imports.orgImport(this::refresh).forEach(c -> actions.add(c));
        actions.addClassName("view-actions");
        HorizontalLayout header = new HorizontalLayout(title, actions);
        header.setWidthFull();
        header.setJustifyContentMode(JustifyContentMode.BETWEEN);
        header.setAlignItems(Alignment.CENTER);
        header.addClassName("view-header");
        Paragraph hint = new Paragraph(getTranslation("units.hint"));
        hint.addClassName("form-hint");

        grid.setId("units-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentHierarchyColumn(this::nameCell).setHeader(getTranslation("units.name")).setFlexGrow(2)
                .setResizable(true);
        grid.addColumn(n -> n.unit().getCode()).setHeader(getTranslation("units.code")).setAutoWidth(true);
        grid.addColumn(n -> getTranslation(n.unit().getKind().messageKey())).setHeader(getTranslation("units.kind"))
                .setAutoWidth(true);
        grid.addColumn(UnitNode::people).setHeader(getTranslation("units.people")).setAutoWidth(true);
        grid.addColumn(n -> getTranslation("units.items", n.openMeasures(), n.measures()))
                .setHeader(getTranslation("units.measures")).setAutoWidth(true);
        grid.addComponentColumn(this::rowActions).setHeader(getTranslation("users.actions")).setAutoWidth(true)
                .setFlexGrow(0);
        add(header, hint, grid);
        refresh();
    }

    private void refresh() {
        List<UnitNode> roots = service.tree();
        grid.setItems(roots, UnitNode::children);
        grid.expandRecursively(roots, 3);
    }

    private Component nameCell(UnitNode n) {
        Span name = new Span(n.unit().getName());
        if (n.unit().isActive()) {
            return name;
        }
        name.addClassName("inactive");
        Span badge = new Span(getTranslation("units.disabled"));
        badge.getElement().getThemeList().add("badge contrast small");
        HorizontalLayout cell = new HorizontalLayout(name, badge);
        cell.setSpacing(false);
        cell.getStyle().set("gap", "var(--lumo-space-s)");
        return cell;
    }

    private Component rowActions(UnitNode n) {
        Unit u = n.unit();
        List<Component> buttons = new ArrayList<>();
        buttons.add(small(AppIcon.EDIT, "units.edit", e -> edit(u, null)));
        if (u.isActive()) {
            buttons.add(small(AppIcon.PLUS, "units.addChild", e -> edit(null, u)));
        }
        buttons.add(small(AppIcon.ARROW_UP, "units.up", e -> run(() -> service.move(u.getId(), true))));
        buttons.add(small(AppIcon.ARROW_DOWN, "units.down", e -> run(() -> service.move(u.getId(), false))));
        if (u.isActive()) {
            buttons.add(small(AppIcon.BAN, "units.disable", e -> confirmDisable(n)));
        } else {
            buttons.add(small(AppIcon.CHECK, "units.enable",
                    e -> run(() -> service.setActive(u.getId(), u.getVersion(), true))));
        }
        if (n.measures() == 0 && n.people() == 0 && n.children().isEmpty()) {
            buttons.add(small(AppIcon.TRASH, "units.delete",
                    e -> run(() -> service.delete(u.getId(), u.getVersion()))));
        }
        HorizontalLayout row = new HorizontalLayout();
        buttons.forEach(row::add);
        row.setSpacing(false);
        return row;
    }

    private Button small(AppIcon icon, String key,
            com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> click) {
        Button b = new Button(icon.create(), click);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        b.setAriaLabel(getTranslation(key));
        b.setTooltipText(getTranslation(key));
        b.addClassName("row-action-" + key.substring(key.indexOf('.') + 1));
        return b;
    }

    private void confirmDisable(UnitNode n) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("units.disable.title", n.unit().getName()),
                getTranslation("units.disable.text", n.openMeasures(), n.people()), getTranslation("units.disable"),
                e -> run(() -> service.setActive(n.unit().getId(), n.unit().getVersion(), false)));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void run(Runnable action) {
        try {
            action.run();
            Notices.done(getTranslation("users.saved"));
        } catch (RuntimeException e) {
            UserErrors.show(this, e);
        }
        refresh();
    }

    /** The form for a new unit (under {@code parent}, or at the top) or for {@code existing}. */
    private void edit(Unit existing, Unit parent) {
        Dialog dialog = new Dialog(getTranslation(existing == null ? "units.create" : "units.edit"));
        dialog.setWidth("min(40rem, 95vw)");
        List<Unit> parents = org.activeUnitsInTreeOrder().stream()
                .filter(u -> existing == null || !existing.contains(u)).toList();
        UnitForm form = new UnitForm(parents);
        form.setUnit(existing, parent);
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
        save.setId("save-unit");
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        form.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("units.title") + " · " + getTranslation("app.name");
    }
}
