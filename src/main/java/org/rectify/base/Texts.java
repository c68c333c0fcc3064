package org.rectify.base;

import java.util.List;

/**
 * User text as the rules see it. Text made only of invisible characters (no-break spaces, zero-width spaces and
 * other format characters) is empty: it must not pass "required" anywhere.
 */
public final class Texts {

    private Texts() {
    }

    /** Invisible at either end: whitespace, any Unicode space separator, and format characters (U+200B, …). */
    private static boolean invisible(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT;
    }

    /** The text without invisible characters at either end; never null. */
    public static String strip(String text) {
        if (text == null) {
            return "";
        }
        int start = 0;
        int end = text.length();
        while (start < end && invisible(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && invisible(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    public static boolean isBlank(String text) {
        return strip(text).isEmpty();
    }

    /** The stripped text, or null when there is none: for optional fields. */
    public static String orNull(String text) {
        String s = strip(text);
        return s.isEmpty() ? null : s;
    }

    /** Checks a text field into {@code out}: required and maximum length, counted in characters. */
    public static void check(List<Violation> out, String field, int index, String value, boolean required,
            int max) {
        String t = strip(value);
        if (required && t.isEmpty()) {
            out.add(new Violation(field, index, "validation.requiredField"));
        } else if (t.codePointCount(0, t.length()) > max) {
            out.add(new Violation(field, index, "validation.tooLongField", max, t.codePointCount(0, t.length())));
        }
    }
}
