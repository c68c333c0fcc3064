package org.rectify.disclosure.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.rectify.base.Violation;
import org.rectify.base.ui.FieldErrors;
import org.rectify.disclosure.DisclosureService.Draft;
import org.rectify.ledger.Measure;

/**
 * The public wording of one item: the ledger's text for reference, the problem and the measure as the members will
 * read them, and whether names show. It holds values only; the view saves on {@link SaveEvent}.
 */
class DisclosureForm extends Composite<FormLayout> {

    static class SaveEvent extends ComponentEvent<DisclosureForm> {
        private final Draft draft;

        SaveEvent(DisclosureForm source, Draft draft) {
            super(source, false);
            this.draft = draft;
        }

        Draft draft() {
            return draft;
        }
    }

    private final TextArea problem = new TextArea();
    private final TextArea measure = new TextArea();
    private final Checkbox showNames = new Checkbox();
    private final FieldErrors errors = new FieldErrors(this);

    DisclosureForm(Measure item, Draft start) {
        Div original = new Div(label("disclosure.form.original"),
                new Div(new Span(getTranslation("disclosure.col.problem") + "："), new Span(
                        item.getProblem().getDescription())),
                new Div(new Span(getTranslation("disclosure.col.measure") + "："), new Span(item.getContent())));
        original.addClassName("disclosure-original");
        problem.setLabel(getTranslation("disclosure.form.problem"));
        problem.setMaxLength(2000);
        problem.setRequiredIndicatorVisible(true);
        problem.setValue(start.publicProblem());
        problem.setId("public-problem");
        measure.setLabel(getTranslation("disclosure.form.measure"));
        measure.setMaxLength(2000);
        measure.setRequiredIndicatorVisible(true);
        measure.setValue(start.publicMeasure());
        measure.setId("public-measure");
        showNames.setLabel(getTranslation("disclosure.form.showNames"));
        showNames.setValue(start.showNames());
        showNames.setId("show-names");
        Span namesHint = new Span(getTranslation("disclosure.form.showNamesHint"));
        namesHint.addClassName("form-hint");
        errors.field("publicProblem", problem).field("publicMeasure", measure);
        FormLayout form = getContent();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.add(errors.summary(), original, problem, measure, new Div(showNames, new Div(namesHint)));
    }

    private Span label(String key) {
        Span s = new Span(getTranslation(key));
        s.addClassName("fact-label");
        return s;
    }

    void save() {
        fireEvent(new SaveEvent(this, new Draft(problem.getValue(), measure.getValue(), showNames.getValue())));
    }

    void showViolations(List<Violation> violations) {
        errors.show(violations);
    }

    void showError(Throwable error) {
        errors.show(error);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    void focus() {
        problem.focus();
    }
}
