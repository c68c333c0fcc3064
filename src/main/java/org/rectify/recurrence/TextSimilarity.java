package org.rectify.recurrence;

import java.util.HashSet;
import java.util.Set;

/**
 * How alike two problem descriptions read: the Dice coefficient of their character bigrams, after dropping
 * punctuation and spaces. Chinese has no spaces between words, so character n-grams are the natural unit; bigrams
 * catch reordered phrases ("学习不够系统深入" / "学习不够深入系统") that a plain edit distance misses.
 */
public final class TextSimilarity {

    private TextSimilarity() {
    }

    /** Letters, digits and CJK characters only, lower-cased. */
    static String normalize(String text) {
        StringBuilder sb = new StringBuilder();
        if (text == null) {
            return "";
        }
        text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** The distinct character bigrams of the normalized text (a one-character text is its own "bigram"). */
    public static Set<String> bigrams(String text) {
        String t = normalize(text);
        Set<String> grams = new HashSet<>();
        int[] cps = t.codePoints().toArray();
        if (cps.length == 1) {
            grams.add(new String(cps, 0, 1));
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams;
    }

    /** 0 (nothing shared) to 1 (the same bigrams). */
    public static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int shared = 0;
        for (String g : small) {
            if (large.contains(g)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }

    public static double similarity(String a, String b) {
        return dice(bigrams(a), bigrams(b));
    }
}
