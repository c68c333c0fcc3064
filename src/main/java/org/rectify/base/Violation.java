package org.rectify.base;

/**
 * A broken input rule, shown next to the field it concerns: {@code field} names the form field ("description",
 * "measure.deadline", …), {@code index} the row of a repeated part (a measure, an attendee; 0-based) or -1.
 */
public record Violation(String field, int index, String messageKey, Object... args) {

    public Violation(String field, String messageKey, Object... args) {
        this(field, -1, messageKey, args);
    }
}
