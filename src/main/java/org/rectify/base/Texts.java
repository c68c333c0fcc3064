package org.rectify.base;

import java.util.List;

/**
 * User text as the rules see it. Text made only of invisible characters (no-break spaces, zero-width spaces and
 * other format characters) is empty: it must not pass "required" anywhere.
 */
public final class Texts {

    private Texts() {
    }

    /**
     * Invisible at either end: whitespace, any Unicode space separator, control and format characters (U+200B,
     * U+2060, U+FEFF, …), and the blank "letters" and selectors Unicode marks default-ignorable (U+3164 Hangul
     * filler, …) plus the blank braille pattern: all of them are used to fake a filled-in field.
     */
    static boolean invisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.CONTROL
                || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || cp >= 0x180B && cp <= 0x180F || cp == 0x2800 || cp == 0x3164
                || cp >= 0xFE00 && cp <= 0xFE0F || cp == 0xFFA0 || cp >= 0xE0100 && cp <= 0xE01EF;
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

    /** The length a user counts: characters (code points), not UTF-16 units. */
    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
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
        } else if (length(t) > max) {
            out.add(new Violation(field, index, "validation.tooLongField", max, length(t)));
        }
    }
}
