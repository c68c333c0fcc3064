package org.rectify.ledger.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.org.ui.OrgLabels;
import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.i18n.ComponentTexts;
import org.rectify.ledger.Category;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemScope;
import org.rectify.ledger.ProblemService.FormOptions;
import org.rectify.ledger.ProblemService.MeasureDraft;
import org.rectify.ledger.ProblemService.ProblemDraft;
import org.rectify.base.Violation;
import org.rectify.ledger.ProblemSource;
import org.rectify.meeting.Meeting;
import org.rectify.org.Person;
import org.rectify.org.Unit;

/**
 * The problem form: the problem first, then one or more measures under it. It only holds values and shows the
 * service's verdict next to each field; it fires {@link SaveEvent} and {@link CancelEvent}.
 */
public class ProblemForm extends Composite<VerticalLayout> {

    /** The user saves; {@code andNext}: keep the context and start the next problem. */
    public static class SaveEvent extends ComponentEvent<ProblemForm> {
        private final ProblemDraft draft;
        private final boolean andNext;

        SaveEvent(ProblemForm source, ProblemDraft draft, boolean andNext) {
            super(source, false);
            this.draft = draft;
            this.andNext = andNext;
        }

        public ProblemDraft draft() {
            return draft;
        }

        public boolean andNext() {
            return andNext;
        }
    }

    public static class CancelEvent extends ComponentEvent<ProblemForm> {
        CancelEvent(ProblemForm source) {
            super(source, false);
        }
    }

    private final FormOptions options;
    private final ComboBox<Meeting> meeting = new ComboBox<>();
    private final RadioButtonGroup<ProblemScope> scope = new RadioButtonGroup<>();
    private final ComboBox<Person> member = new ComboBox<>();
    private final ComboBox<ProblemSource> source = new ComboBox<>();
    private final ComboBox<Category> category = new ComboBox<>();
    private final TextArea description = new TextArea();
    private final TextArea cause = new TextArea();
    private final VerticalLayout measureList = new VerticalLayout();
    private final List<MeasureForm> measures = new ArrayList<>();
    private final Div formError = new Div();
    private final Button saveAndNext;
    private Long problemId;
    private Integer problemVersion;

    public ProblemForm(FormOptions options) {
        this.options = options;
        VerticalLayout layout = getContent();
        layout.addClassName("problem-form");
        layout.setPadding(false);

        meeting.setItems(options.meetings());
        meeting.setItemLabelGenerator(Meeting::getTitle);
        org.rectify.base.ui.Pickers.wide(meeting);
        scope.setItems(ProblemScope.values());
        scope.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        scope.setValue(ProblemScope.TEAM);
        member.setItems(options.leaders());
        member.setItemLabelGenerator(this::personLabel);
        member.setVisible(false);
        scope.addValueChangeListener(e -> member.setVisible(e.getValue() == ProblemScope.INDIVIDUAL));
        source.setItems(ProblemSource.values());
        source.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        category.setItems(options.categories());
        category.setItemLabelGenerator(Category::getName);
        text(description, 2000);
        text(cause, 4000);

        label(meeting, "field.meeting", "problem-meeting", true);
        label(scope, "field.scope", "problem-scope", true);
        label(member, "field.member", "problem-member", true);
        label(source, "field.source", "problem-source", true);
        label(category, "field.category", "problem-category", true);
        label(description, "field.description", "problem-description", true);
        label(cause, "field.cause", "problem-cause", false);

        FormLayout problem = new FormLayout(meeting, scope, member, source, category);
        problem.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        problem.add(description, 3);
        problem.add(cause, 3);

        formError.addClassName("form-error");
        formError.setId("problem-form-error");
        formError.setVisible(false);

        measureList.setPadding(false);
        measureList.addClassName("measure-forms");
        Button addMeasure = new Button(getTranslation("form.addMeasure"), AppIcon.PLUS.create(),
                e -> addMeasure(null).focus());
        addMeasure.setId("add-measure");

        Button save = new Button(getTranslation("form.save"), e -> fireSave(false));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-problem");
        save.addClickShortcut(Key.KEY_S, com.vaadin.flow.component.KeyModifier.CONTROL);
        saveAndNext = new Button(getTranslation("form.saveAndNext"), e -> fireSave(true));
        saveAndNext.setId("save-and-next");
        Button cancel = new Button(getTranslation("action.cancel"), e -> fireEvent(new CancelEvent(this)));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout buttons = new HorizontalLayout(save, saveAndNext, cancel);
        buttons.addClassName("form-buttons");

        layout.add(formError, new H3(getTranslation("form.problemSection")), problem,
                new H3(getTranslation("form.measureSection")), measureList, addMeasure, buttons);
    }

    private String personLabel(Person p) {
        return p.getName() + "（" + getTranslation(p.getPosition().messageKey()) + "）";
    }

    private static void text(TextArea area, int max) {
        area.setMaxLength(max);
        area.setWidthFull();
        area.setMinHeight("5em");
        area.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
    }

    private void label(com.vaadin.flow.component.HasLabel field, String key, String id, boolean required) {
        field.setLabel(getTranslation(key));
        ((com.vaadin.flow.component.Component) field).setId(id);
        if (required && field instanceof com.vaadin.flow.component.HasValue<?, ?> hv) {
            hv.setRequiredIndicatorVisible(true);
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** Fills the form: an existing problem, or a new one (then {@code draft.id()} is null). */
    void setDraft(ProblemDraft d) {
        problemId = d.id();
        problemVersion = d.version();
        saveAndNext.setVisible(d.id() == null);
        meeting.setValue(find(options.meetings(), d.meetingId()));
        meeting.setReadOnly(d.id() != null);
        scope.setValue(d.scope() == null ? ProblemScope.TEAM : d.scope());
        member.setValue(find(options.leaders(), d.memberId()));
        source.setValue(d.source());
        category.setValue(find(options.categories(), d.categoryId()));
        description.setValue(Objects.requireNonNullElse(d.description(), ""));
        cause.setValue(Objects.requireNonNullElse(d.causeAnalysis(), ""));
        measures.clear();
        measureList.removeAll();
        if (d.measures() == null || d.measures().isEmpty()) {
            addMeasure(null);
        } else {
            d.measures().forEach(this::addMeasure);
        }
        clearErrors();
    }

    /** For "save and next": a new problem in the same meeting, source and category, measures with the same owners. */
    ProblemDraft nextDraft(ProblemDraft saved) {
        MeasureDraft first = saved.measures().get(0);
        MeasureDraft template = new MeasureDraft(null, null, "", first.leaderId(), first.unitId(), first.contactId(),
                first.type(), first.deadline());
        return new ProblemDraft(null, null, saved.meetingId(), saved.scope(), saved.memberId(), saved.source(),
                saved.categoryId(), "", "", List.of(template));
    }

    void focusDescription() {
        description.focus();
    }

    private MeasureForm addMeasure(MeasureDraft draft) {
        MeasureForm form = new MeasureForm(draft);
        measures.add(form);
        measureList.add(form);
        renumber();
        return form;
    }

    private void renumber() {
        for (int i = 0; i < measures.size(); i++) {
            measures.get(i).setNumber(i + 1, measures.size() > 1);
        }
    }

    private void fireSave(boolean andNext) {
        clearErrors();
        fireEvent(new SaveEvent(this, draft(), andNext));
    }

    ProblemDraft draft() {
        return new ProblemDraft(problemId, problemVersion, id(meeting.getValue()), scope.getValue(),
                id(member.getValue()), source.getValue(), id(category.getValue()), description.getValue(),
                cause.getValue(), measures.stream().map(MeasureForm::draft).toList());
    }

    private void clearErrors() {
        formError.setVisible(false);
        for (HasValidation f : List.<HasValidation>of(meeting, scope, member, source, category, description,
                cause)) {
            f.setInvalid(false);
        }
        measures.forEach(MeasureForm::clearErrors);
    }

    /** Puts each of the service's findings next to its field; a summary on top. */
    void showViolations(List<Violation> violations) {
        Map<String, HasValidation> fields = Map.of("meeting", meeting, "scope", scope, "member", member,
                "source", source, "category", category, "description", description, "causeAnalysis", cause);
        List<String> general = new ArrayList<>();
        for (Violation v : violations) {
            String text = UserErrors.translate(this, v.messageKey(), v.args());
            HasValidation field = v.index() < 0 ? fields.get(v.field())
                    : v.index() < measures.size() ? measures.get(v.index()).field(v.field()) : null;
            if (field != null) {
                field.setErrorMessage(text);
                field.setInvalid(true);
            } else {
                general.add(text);
            }
        }
        formError.setText(getTranslation("form.fixErrors", violations.size())
                + (general.isEmpty() ? "" : " " + String.join("；", general)));
        formError.setVisible(true);
    }

    void showError(String text) {
        formError.setText(text);
        formError.setVisible(true);
    }

    private static <T extends org.rectify.base.domain.AbstractEntity> T find(List<T> items, Long id) {
        return id == null ? null : items.stream().filter(i -> i.getId().equals(id)).findFirst().orElse(null);
    }

    private static Long id(org.rectify.base.domain.AbstractEntity e) {
        return e == null ? null : e.getId();
    }

    /** One measure under the problem. */
    private class MeasureForm extends Composite<Div> {
        private final Long id;
        private final Integer version;
        private final Span number = new Span();
        private final TextArea content = new TextArea();
        private final ComboBox<Person> leader = new ComboBox<>();
        private final ComboBox<Unit> unit = new ComboBox<>();
        private final ComboBox<Person> contact = new ComboBox<>();
        private final Select<MeasureType> type = new Select<>();
        private final DatePicker deadline;
        /** Why an existing measure's deadline moves: asked only once the date differs from the saved one. */
        private final TextField deadlineReason = new TextField();
        private final Button remove;

        MeasureForm(MeasureDraft d) {
            id = d == null ? null : d.id();
            version = d == null ? null : d.version();
            deadline = ComponentTexts.datePicker(this, "field.deadline");
            Div box = getContent();
            box.addClassName("measure-form");
            number.addClassName("measure-no");
            text(content, 2000);
            content.setLabel(getTranslation("field.measureContent"));
            content.setRequiredIndicatorVisible(true);
            leader.setLabel(getTranslation("field.leader"));
            leader.setItems(options.leaders());
            leader.setItemLabelGenerator(ProblemForm.this::personLabel);
            leader.setRequiredIndicatorVisible(true);
            unit.setLabel(getTranslation("field.unit"));
            unit.setItems(options.units());
            unit.setItemLabelGenerator(OrgLabels::indented);
            unit.setRequiredIndicatorVisible(true);
            contact.setLabel(getTranslation("field.contact"));
            contact.setItemLabelGenerator(ProblemForm.this::personLabel);
            contact.setClearButtonVisible(true);
            unit.addValueChangeListener(e -> contactsOf(e.getValue()));
            type.setLabel(getTranslation("field.type"));
            type.setItems(MeasureType.values());
            type.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
            type.setValue(MeasureType.PHASED);
            type.addValueChangeListener(e -> deadline.setHelperText(e.getValue() == MeasureType.LONG_TERM
                    ? getTranslation("form.longTermNoDeadline") : null));
            remove = new Button(AppIcon.TRASH.create(), e -> {
                measures.remove(this);
                measureList.remove(this);
                renumber();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("form.removeMeasure"));
            remove.setTooltipText(getTranslation("form.removeMeasure"));
            FormLayout fields = new FormLayout(leader, unit, contact, type, deadline);
            fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                    new FormLayout.ResponsiveStep("40em", 5));
            box.add(new HorizontalLayout(number, remove), content, fields);
            deadlineReason.setLabel(getTranslation("field.deadlineReason"));
            deadlineReason.setMaxLength(1000);
            deadlineReason.setWidthFull();
            deadlineReason.setRequiredIndicatorVisible(true);
            deadlineReason.setVisible(false);
            LocalDate saved = d == null ? null : d.deadline();
            deadline.addValueChangeListener(e -> deadlineReason.setVisible(id != null && saved != null
                    && !Objects.equals(saved, e.getValue())));
            box.add(deadlineReason);
            if (d != null) {
                content.setValue(Objects.requireNonNullElse(d.content(), ""));
                leader.setValue(find(options.leaders(), d.leaderId()));
                unit.setValue(find(options.units(), d.unitId()));
                contact.setValue(find(options.people(), d.contactId()));
                type.setValue(d.type() == null ? MeasureType.PHASED : d.type());
                deadline.setValue(d.deadline());
            }
        }

        private void contactsOf(Unit u) {
            Person chosen = contact.getValue();
            List<Person> people = u == null ? List.of() : options.people().stream()
                    .filter(p -> p.getUnit().getPath().startsWith(u.getPath())).toList();
            contact.setItems(people);
            if (chosen != null && people.contains(chosen)) {
                contact.setValue(chosen);
            } else {
                // The unit's contact person (联络员) is the usual choice.
                contact.setValue(people.stream().filter(p -> p.getPosition() == org.rectify.org.Position.LIAISON)
                        .findFirst().orElse(null));
            }
        }

        void setNumber(int n, boolean removable) {
            number.setText(getTranslation("detail.measureNo", n));
            remove.setVisible(removable);
            content.setId("measure-content-" + n);
            leader.setId("measure-leader-" + n);
            unit.setId("measure-unit-" + n);
            contact.setId("measure-contact-" + n);
            type.setId("measure-type-" + n);
            deadline.setId("measure-deadline-" + n);
            deadlineReason.setId("measure-deadline-reason-" + n);
        }

        void focus() {
            content.focus();
        }

        MeasureDraft draft() {
            return new MeasureDraft(id, version, content.getValue(), id(leader.getValue()), id(unit.getValue()),
                    id(contact.getValue()), type.getValue(), deadline.getValue(),
                    deadlineReason.isVisible() ? deadlineReason.getValue() : null);
        }

        HasValidation field(String name) {
            return switch (name) {
                case "measure.content" -> content;
                case "measure.leader" -> leader;
                case "measure.unit" -> unit;
                case "measure.contact" -> contact;
                case "measure.type" -> type;
                case "measure.deadline" -> deadline;
                case "measure.deadlineReason" -> deadlineReason;
                default -> null;
            };
        }

        void clearErrors() {
            for (HasValidation f : List.<HasValidation>of(content, leader, unit, contact, type, deadline,
                    deadlineReason)) {
                f.setInvalid(false);
            }
        }
    }
}
