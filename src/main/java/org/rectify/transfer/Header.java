package org.rectify.transfer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the header of a sheet that is not a tidy table: title rows above it, a header that spans two rows
 * with merged cells (责任分工 over 责任领导 | 责任单位), columns known by any of their usual names.
 *
 * @param <F> the columns this kind of sheet knows
 */
public final class Header<F extends Enum<F>> {

    /** Rows searched for the header from the top. */
    static final int SEARCH_ROWS = 20;

    private final int row;
    private final int height;
    private final Map<F, Integer> columns;
    private final Map<F, String> labels;

    private Header(int row, int height, Map<F, Integer> columns, Map<F, String> labels) {
        this.row = row;
        this.height = height;
        this.columns = columns;
        this.labels = labels;
    }

    /** The header's first row (0-based). */
    public int row() {
        return row;
    }

    /** The first data row (0-based). */
    public int firstDataRow() {
        return row + height;
    }

    public boolean has(F field) {
        return columns.containsKey(field);
    }

    /** The column of a field, or -1. */
    public int column(F field) {
        return columns.getOrDefault(field, -1);
    }

    /** The field's header as the sheet writes it (for messages that point at the column). */
    public String label(F field) {
        return labels.get(field);
    }

    public Map<F, Integer> columns() {
        return columns;
    }

    /**
     * Header text as compared: no spaces or line breaks, no marks like "*" or "：", no parenthesised remark
     * ("整改时限（年月日）" → "整改时限").
     */
    static String normalize(String text) {
        String t = text.replaceAll("[（(][^）)]*[）)]", "");
        return t.replaceAll("[\\s\\u3000*:：、.。\\-_/]", "");
    }

    /**
     * The first row among the top {@link #SEARCH_ROWS} that names at least {@code minFields} known columns,
     * including all of {@code required}; with the row below it when that row holds sub-headers.
     *
     * @param match the field a normalized header text names, or null
     */
    public static <F extends Enum<F>> Header<F> find(SheetGrid grid, Class<F> type, Function<String, F> match,
            int minFields, Set<F> anyOf) {
        int last = Math.min(grid.rowCount(), SEARCH_ROWS);
        for (int r = 0; r < last; r++) {
            Map<F, Integer> cols = new EnumMap<>(type);
            Map<F, String> labels = new EnumMap<>(type);
            read(grid, r, match, cols, labels);
            if (cols.size() < minFields || anyOf.stream().noneMatch(cols::containsKey)) {
                continue;
            }
            // A second header row: names under cells that span several columns (责任分工 → 责任领导 | 责任单位).
            Map<F, Integer> sub = new EnumMap<>(type);
            Map<F, String> subLabels = new EnumMap<>(type);
            boolean twoRows = false;
            for (int c = 0; c < grid.columnCount(); c++) {
                SheetGrid.Region above = grid.region(r, c);
                boolean spansColumns = above != null && above.isWide() && !above.isVertical();
                boolean unnamed = match.apply(normalize(grid.value(r, c))) == null;
                F f = match.apply(normalize(grid.value(r + 1, c)));
                SheetGrid.Region here = grid.region(r + 1, c);
                boolean ownCell = here == null || here.firstRow() == r + 1;
                if (f != null && ownCell && (spansColumns || unnamed)) {
                    sub.putIfAbsent(f, c);
                    subLabels.putIfAbsent(f, grid.value(r + 1, c));
                    twoRows = true;
                }
            }
            if (twoRows) {
                // Sub-headers win over the spanning header's own name where both are known.
                cols.values().removeIf(sub::containsValue);
                sub.forEach(cols::putIfAbsent);
                subLabels.forEach(labels::putIfAbsent);
                labels.keySet().retainAll(cols.keySet());
            }
            return new Header<>(r, twoRows ? 2 : 1, cols, labels);
        }
        return null;
    }

    private static <F extends Enum<F>> void read(SheetGrid grid, int r, Function<String, F> match,
            Map<F, Integer> cols, Map<F, String> labels) {
        for (int c = 0; c < grid.columnCount(); c++) {
            String text = grid.value(r, c);
            F f = text.isEmpty() ? null : match.apply(normalize(text));
            if (f != null && !cols.containsKey(f)) {
                SheetGrid.Region region = grid.region(r, c);
                // A wide merged header cell (责任分工) names its first column only.
                if (region == null || region.firstCol() == c) {
                    cols.put(f, c);
                    labels.put(f, text);
                }
            }
        }
    }

    /** The field whose synonyms contain the text exactly, else one with a synonym the text starts with. */
    public static <F extends Enum<F>> F lookup(String normalized, Map<F, List<String>> synonyms) {
        if (normalized == null || normalized.isEmpty()) {
            return null;
        }
        for (Map.Entry<F, List<String>> e : synonyms.entrySet()) {
            if (e.getValue().contains(normalized)) {
                return e.getKey();
            }
        }
        F best = null;
        int bestLength = 0;
        for (Map.Entry<F, List<String>> e : synonyms.entrySet()) {
            for (String s : e.getValue()) {
                if (s.length() >= 4 && normalized.startsWith(s) && s.length() > bestLength) {
                    best = e.getKey();
                    bestLength = s.length();
                }
            }
        }
        return best;
    }
}
