package org.rectify.orgadmin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import org.rectify.base.ui.Notices;
import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.orgadmin.CategoryService;
import org.rectify.orgadmin.CategoryService.CategoryRow;
import org.rectify.security.Role;

/**
 * 问题类别 (office): the dictionary that follows each year's meeting theme — add, rename (the old name stays in the
 * history), reorder, disable; a category no problem uses yet may be deleted.
 */
@Route("admin/categories")
@Menu(order = 130, icon = "rectify:tags", title = "nav.categories")
@RolesAllowed(Role.OFFICE_NAME)
public class CategoriesView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CategoryService service;
    private final Grid<CategoryRow> grid = new Grid<>();

    public CategoriesView(CategoryService service) {
        this.service = service;
        addClassName("admin-view");
        setMaxWidth("960px");
        H2 title = new H2(getTranslation("categories.title"));
        title.addClassName("view-title");
        Paragraph hint = new Paragraph(getTranslation("categories.hint"));
        hint.addClassName("form-hint");
        TextField name = new TextField();
        name.setPlaceholder(getTranslation("categories.newName"));
        name.setMaxLength(50);
        name.setId("category-name");
        Button add = new Button(getTranslation("categories.add"), AppIcon.PLUS.create(), e -> {
            try {
                service.create(name.getValue());
                name.clear();
                Notices.done(getTranslation("users.saved"));
                refresh();
            } catch (RuntimeException ex) {
                UserErrors.show(this, ex);
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickShortcut(Key.ENTER);
        add.setId("add-category");
        HorizontalLayout adder = new HorizontalLayout(name, add);
        adder.setAlignItems(Alignment.BASELINE);

        grid.setId("categories-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(this::nameCell).setHeader(getTranslation("category.name")).setFlexGrow(1);
        grid.addColumn(CategoryRow::problems).setHeader(getTranslation("categories.problems")).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Span s = new Span(getTranslation(r.category().isActive() ? "categories.active" : "categories.disabled"));
            s.getElement().getThemeList().add(r.category().isActive() ? "badge success small" : "badge contrast small");
            return s;
        }).setHeader(getTranslation("users.state")).setAutoWidth(true);
        grid.addComponentColumn(this::rowActions).setHeader(getTranslation("users.actions")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(title, hint, adder, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(service.list());
    }

    private Component nameCell(CategoryRow r) {
        Div cell = new Div(new Span(r.category().getName()));
        if (!r.formerNames().isEmpty()) {
            Span former = new Span(getTranslation("categories.formerly",
                    String.join(getTranslation("list.separator"), r.formerNames())));
            former.addClassName("former-names");
            cell.add(former);
        }
        return cell;
    }

    private Component rowActions(CategoryRow r) {
        var c = r.category();
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        row.add(link("categories.rename", e -> rename(r)));
        row.add(icon(AppIcon.ARROW_UP, "units.up", () -> service.move(c.getId(), true)));
        row.add(icon(AppIcon.ARROW_DOWN, "units.down", () -> service.move(c.getId(), false)));
        row.add(link(c.isActive() ? "categories.disable" : "categories.enable",
                e -> run(() -> service.setActive(c.getId(), c.getVersion(), !c.isActive()))));
        row.add(link("categories.history", e -> history(r)));
        if (r.problems() == 0) {
            row.add(link("units.delete", e -> run(() -> service.delete(c.getId(), c.getVersion()))));
        }
        return row;
    }

    private Button link(String key,
            com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> click) {
        Button b = new Button(getTranslation(key), click);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return b;
    }

    private Button icon(AppIcon icon, String key, Runnable action) {
        Button b = new Button(icon.create(), e -> run(action));
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        b.setAriaLabel(getTranslation(key));
        b.setTooltipText(getTranslation(key));
        return b;
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

    private void rename(CategoryRow r) {
        Dialog dialog = new Dialog(getTranslation("categories.rename"));
        TextField name = new TextField(getTranslation("category.name"));
        name.setValue(r.category().getName());
        name.setMaxLength(50);
        name.setWidthFull();
        name.setId("rename-category");
        Paragraph note = new Paragraph(getTranslation("categories.renameHint", r.problems()));
        note.addClassName("form-hint");
        Div error = new Div();
        error.addClassName("form-error");
        error.setVisible(false);
        dialog.add(error, name, note);
        Button save = new Button(getTranslation("form.save"), e -> {
            try {
                service.rename(r.category().getId(), r.category().getVersion(), name.getValue());
                dialog.close();
                Notices.done(getTranslation("users.saved"));
                refresh();
            } catch (RuntimeException ex) {
                error.setText(UserErrors.text(this, ex));
                error.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-category");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void history(CategoryRow r) {
        Dialog dialog = new Dialog(getTranslation("categories.historyOf", r.category().getName()));
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        for (CategoryService.NameChange change : service.history(r.category().getId())) {
            list.add(new Span(WHEN.format(change.at()) + " · " + change.username()
                    + " · " + change.name()));
        }
        dialog.add(list);
        dialog.getFooter().add(new Button(getTranslation("dialog.close"), e -> dialog.close()));
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("categories.title") + " · " + getTranslation("app.name");
    }
}
