package org.rectify.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rectify.base.Violation;

/**
 * Shows a service's verdict on a form: each {@link Violation} at the field it names, in the user's language, and
 * whatever names no field in one line above the form. Forms register their fields once by the names the service
 * uses.
 */
public final class FieldErrors {

    private final Component owner;
    private final Map<String, HasValidation> fields = new HashMap<>();
    private final Div summary = new Div();

    public FieldErrors(Component owner) {
        this.owner = owner;
        summary.addClassName("form-error");
        summary.setVisible(false);
    }

    public FieldErrors field(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    /** The line for errors that belong to no field (and for refusals such as a stale version). */
    public Div summary() {
        return summary;
    }

    public void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        summary.setVisible(false);
        summary.setText("");
    }

    public void show(List<Violation> violations) {
        clear();
        List<String> general = new ArrayList<>();
        for (Violation v : violations) {
            String text = UserErrors.translate(owner, v.messageKey(), v.args());
            HasValidation field = fields.get(v.field());
            if (field != null && !field.isInvalid()) {
                field.setErrorMessage(text);
                field.setInvalid(true);
            } else if (field == null) {
                general.add(text);
            }
        }
        summary.setText(general.isEmpty() ? owner.getTranslation("form.fixErrors", violations.size())
                : String.join(" ", general));
        summary.setVisible(true);
    }

    /** A refusal that is not about fields, in the summary line. */
    public void show(Throwable error) {
        clear();
        summary.setText(UserErrors.text(owner, error));
        summary.setVisible(true);
    }
}
