package org.rectify.report;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.rectify.transfer.Workbooks;

/**
 * A plain list for filing (岗位职责清单, 检视问题清单): a title and a date line over a bordered table with section
 * heading rows, a frozen header and the same print set-up as the ledger.
 */
final class TableSheet {

    record Column(String header, int width, boolean centered) {
    }

    private final Sheet sheet;
    private final int columns;
    private final CellStyle body;
    private final CellStyle center;
    private final CellStyle section;
    private final List<Boolean> centered;
    private int next;

    TableSheet(Workbook wb, String name, String title, String subtitle, boolean landscape, List<Column> cols) {
        this.sheet = wb.createSheet(name);
        this.columns = cols.size();
        this.centered = cols.stream().map(Column::centered).toList();
        this.body = Workbooks.body(wb);
        this.center = Workbooks.body(wb);
        center.setAlignment(HorizontalAlignment.CENTER);
        this.section = Workbooks.body(wb);
        Font bold = wb.createFont();
        bold.setBold(true);
        bold.setFontName("宋体");
        section.setFont(bold);
        section.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        section.setFillPattern(FillPatternType.SOLID_FOREGROUND);

        Row titleRow = sheet.createRow(next++);
        titleRow.setHeightInPoints(30);
        set(titleRow, 0, title, Workbooks.title(wb));
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
        CellStyle right = wb.createCellStyle();
        right.setAlignment(HorizontalAlignment.RIGHT);
        set(sheet.createRow(next++), 0, subtitle, right);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
        Row header = sheet.createRow(next++);
        CellStyle head = Workbooks.header(wb);
        for (int c = 0; c < columns; c++) {
            set(header, c, cols.get(c).header(), head);
            sheet.setColumnWidth(c, cols.get(c).width() * 256);
        }
        sheet.createFreezePane(0, next);
        PrintLayout.apply(wb, sheet, landscape, next - 1, columns);
    }

    /** A heading row across the table ("一、领导班子检视问题"). */
    void section(String text) {
        Row row = sheet.createRow(next++);
        for (int c = 0; c < columns; c++) {
            set(row, c, c == 0 ? text : null, section);
        }
        sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, columns - 1));
    }

    void row(Object... values) {
        Row row = sheet.createRow(next++);
        for (int c = 0; c < columns; c++) {
            Object v = c < values.length ? values[c] : null;
            CellStyle style = centered.get(c) ? center : body;
            if (v instanceof Number n) {
                Cell cell = row.createCell(c);
                cell.setCellValue(n.doubleValue());
                cell.setCellStyle(style);
            } else {
                set(row, c, v == null ? null : v.toString(), style);
            }
        }
    }

    /** A line under the table, outside the borders ("共N个问题"). */
    void note(String text) {
        Row row = sheet.createRow(next++);
        row.createCell(0).setCellValue(text);
        sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, columns - 1));
    }

    private static void set(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value);
        }
        c.setCellStyle(style);
    }
}
