package org.rectify.orgadmin.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.rectify.base.Violation;
import org.rectify.base.ui.FieldErrors;
import org.rectify.org.Unit;
import org.rectify.org.UnitKind;
import org.rectify.org.ui.OrgLabels;
import org.rectify.orgadmin.UnitAdminService.UnitDraft;

/** A unit's name, code, kind and parent. It holds values only; the view saves on {@link SaveEvent}. */
public class UnitForm extends Composite<FormLayout> {

    public static class SaveEvent extends ComponentEvent<UnitForm> {
        private final UnitDraft draft;

        SaveEvent(UnitForm source, UnitDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public UnitDraft draft() {
            return draft;
        }
    }

    private final TextField name = new TextField();
    private final TextField code = new TextField();
    private final Select<UnitKind> kind = new Select<>();
    private final ComboBox<Unit> parent = new ComboBox<>();
    private final FieldErrors errors = new FieldErrors(this);

    /** @param parents the units the new or edited unit may be placed under (active, not inside itself) */
    public UnitForm(List<Unit> parents) {
        name.setLabel(getTranslation("units.name"));
        name.setMaxLength(100);
        name.setRequiredIndicatorVisible(true);
        name.setId("unit-name");
        code.setLabel(getTranslation("units.code"));
        code.setMaxLength(40);
        code.setRequiredIndicatorVisible(true);
        code.setHelperText(getTranslation("units.codeHelp"));
        code.setId("unit-code");
        kind.setLabel(getTranslation("units.kind"));
        kind.setItems(UnitKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setValue(UnitKind.DEPARTMENT);
        kind.setId("unit-kind");
        parent.setLabel(getTranslation("units.parent"));
        parent.setItems(parents);
        parent.setItemLabelGenerator(OrgLabels::indented);
        parent.setPlaceholder(getTranslation("units.topLevel"));
        parent.setClearButtonVisible(true);
        parent.setId("unit-parent");
        errors.field("name", name).field("code", code).field("kind", kind).field("parent", parent);
        FormLayout form = getContent();
        form.add(errors.summary(), 2);
        form.add(name, code, kind, parent);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28em", 2));
    }

    public void setUnit(Unit unit, Unit defaultParent) {
        name.setValue(unit == null ? "" : unit.getName());
        code.setValue(unit == null ? "" : unit.getCode());
        kind.setValue(unit == null ? UnitKind.DEPARTMENT : unit.getKind());
        Unit p = unit == null ? defaultParent : unit.getParent();
        parent.setValue(p == null ? null : parent.getListDataView().getItems()
                .filter(u -> u.getId().equals(p.getId())).findFirst().orElse(null));
        errors.clear();
    }

    public void save() {
        fireEvent(new SaveEvent(this, new UnitDraft(name.getValue(), code.getValue(), kind.getValue(),
                parent.getValue() == null ? null : parent.getValue().getId())));
    }

    public void showViolations(List<Violation> violations) {
        errors.show(violations);
    }

    public void showError(Throwable error) {
        errors.show(error);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    void focus() {
        name.focus();
    }
}
