package org.rectify.base;

import java.util.List;

/** A form's draft breaks rules; nothing was saved. The form shows each {@link Violation} at its field. */
public class InvalidDraftException extends InvalidActionException {

    private final transient List<Violation> violations;

    public InvalidDraftException(List<Violation> violations) {
        super("form.invalid", violations.size());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
