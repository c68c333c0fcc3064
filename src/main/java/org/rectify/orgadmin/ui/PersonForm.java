package org.rectify.orgadmin.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.rectify.base.Violation;
import org.rectify.base.ui.FieldErrors;
import org.rectify.org.Person;
import org.rectify.org.Position;
import org.rectify.org.Unit;
import org.rectify.org.ui.OrgLabels;
import org.rectify.orgadmin.PeopleService.PersonDraft;

/** A person's name, unit, position, 班子成员 flag and contact details; fires {@link SaveEvent}. */
public class PersonForm extends Composite<FormLayout> {

    public static class SaveEvent extends ComponentEvent<PersonForm> {
        private final PersonDraft draft;

        SaveEvent(PersonForm source, PersonDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public PersonDraft draft() {
            return draft;
        }
    }

    private final TextField name = new TextField();
    private final ComboBox<Unit> unit = new ComboBox<>();
    private final Select<Position> position = new Select<>();
    private final Checkbox committee = new Checkbox();
    private final EmailField email = new EmailField();
    private final TextField phone = new TextField();
    private final FieldErrors errors = new FieldErrors(this);

    public PersonForm(List<Unit> units) {
        name.setLabel(getTranslation("people.name"));
        name.setMaxLength(50);
        name.setRequiredIndicatorVisible(true);
        name.setId("person-name");
        unit.setLabel(getTranslation("people.unit"));
        unit.setItems(units);
        unit.setItemLabelGenerator(OrgLabels::indented);
        unit.setRequiredIndicatorVisible(true);
        unit.setId("person-unit");
        position.setLabel(getTranslation("people.position"));
        position.setItems(Position.values());
        position.setItemLabelGenerator(p -> getTranslation(p.messageKey()));
        position.setValue(Position.STAFF);
        position.setId("person-position");
        position.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                committee.setValue(e.getValue().isLeadership());
            }
        });
        committee.setLabel(getTranslation("people.committee"));
        committee.setId("person-committee");
        email.setLabel(getTranslation("people.email"));
        email.setMaxLength(200);
        email.setId("person-email");
        phone.setLabel(getTranslation("people.phone"));
        phone.setMaxLength(40);
        phone.setId("person-phone");
        errors.field("name", name).field("unit", unit).field("position", position).field("email", email)
                .field("phone", phone);
        FormLayout form = getContent();
        form.add(errors.summary(), 2);
        form.add(name, unit, position, committee, email, phone);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28em", 2));
    }

    public void setPerson(Person p, Unit defaultUnit) {
        name.setValue(p == null ? "" : p.getName());
        Unit u = p == null ? defaultUnit : p.getUnit();
        unit.setValue(u == null ? null : unit.getListDataView().getItems().filter(x -> x.getId().equals(u.getId()))
                .findFirst().orElse(null));
        position.setValue(p == null ? Position.STAFF : p.getPosition());
        committee.setValue(p != null && p.isCommitteeMember());
        email.setValue(p == null || p.getEmail() == null ? "" : p.getEmail());
        phone.setValue(p == null || p.getPhone() == null ? "" : p.getPhone());
        errors.clear();
    }

    public void save() {
        fireEvent(new SaveEvent(this, new PersonDraft(name.getValue(), email.getValue(), phone.getValue(),
                unit.getValue() == null ? null : unit.getValue().getId(), position.getValue(),
                committee.getValue())));
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
