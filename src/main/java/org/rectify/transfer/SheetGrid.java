package org.rectify.transfer;

import java.util.ArrayList;
import java.util.List;
import org.rectify.base.Texts;

/**
 * One worksheet as text: the cells' displayed values (dates as yyyy-MM-dd, formulas as their results) and the
 * merged regions. A merged cell reads as its region's top-left value everywhere in the region, which is how
 * people read a sheet whose 序号 and 存在问题 span several measure rows.
 */
public final class SheetGrid {

    /** A merged region, 0-based and inclusive. */
    public record Region(int firstRow, int lastRow, int firstCol, int lastCol) {

        boolean contains(int row, int col) {
            return row >= firstRow && row <= lastRow && col >= firstCol && col <= lastCol;
        }

        boolean isVertical() {
            return lastRow > firstRow;
        }

        boolean isWide() {
            return lastCol > firstCol;
        }
    }

    private final String name;
    private final List<String[]> rows;
    private final List<Region> regions;
    /** regionAt[row] lists the regions touching that row, so lookups stay cheap on long sheets. */
    private final List<List<Region>> regionsByRow;

    public SheetGrid(String name, List<String[]> rows, List<Region> regions) {
        this.name = name;
        this.rows = rows;
        this.regions = List.copyOf(regions);
        this.regionsByRow = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            regionsByRow.add(new ArrayList<>(0));
        }
        for (Region region : regions) {
            for (int r = region.firstRow(); r <= Math.min(region.lastRow(), rows.size() - 1); r++) {
                regionsByRow.get(r).add(region);
            }
        }
    }

    public String name() {
        return name;
    }

    /** Rows including empty ones, up to the last one with content. */
    public int rowCount() {
        return rows.size();
    }

    public List<Region> regions() {
        return regions;
    }

    /** The region a cell lies in, or null. */
    public Region region(int row, int col) {
        if (row < 0 || row >= regionsByRow.size()) {
            return null;
        }
        for (Region region : regionsByRow.get(row)) {
            if (region.contains(row, col)) {
                return region;
            }
        }
        return null;
    }

    /** The cell's own value, stripped; "" when empty. */
    public String raw(int row, int col) {
        if (row < 0 || row >= rows.size() || col < 0) {
            return "";
        }
        String[] cells = rows.get(row);
        return cells == null || col >= cells.length || cells[col] == null ? "" : Texts.strip(cells[col]);
    }

    /** The value as seen: a merged cell shows its region's top-left value. */
    public String value(int row, int col) {
        Region region = region(row, col);
        return region == null ? raw(row, col) : raw(region.firstRow(), region.firstCol());
    }

    /** The widest row, in columns. */
    public int columnCount() {
        int max = 0;
        for (String[] r : rows) {
            max = Math.max(max, r == null ? 0 : r.length);
        }
        return max;
    }

    /** True when no cell of the row has content (merged cells count only where they start). */
    public boolean isBlank(int row) {
        String[] cells = row < rows.size() ? rows.get(row) : null;
        if (cells == null) {
            return true;
        }
        for (String c : cells) {
            if (c != null && !Texts.isBlank(c)) {
                return false;
            }
        }
        return true;
    }
}
