package org.rectify.transfer;

import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;

/** The house style of the workbooks the portal writes (templates, exports): fonts, borders, drop-down lists. */
public final class Workbooks {

    private Workbooks() {
    }

    /** Bold, centred, grey, bordered: a header cell. */
    public static CellStyle header(Workbook wb) {
        CellStyle s = bordered(wb);
        Font f = wb.createFont();
        f.setBold(true);
        f.setFontName("宋体");
        f.setFontHeightInPoints((short) 11);
        s.setFont(f);
        s.setAlignment(HorizontalAlignment.CENTER);
        s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }

    /** Bordered, wrapped, top-aligned: a body cell that prints well. */
    public static CellStyle body(Workbook wb) {
        CellStyle s = bordered(wb);
        Font f = wb.createFont();
        f.setFontName("宋体");
        f.setFontHeightInPoints((short) 10);
        s.setFont(f);
        return s;
    }

    /** A title: large, bold, centred. */
    public static CellStyle title(Workbook wb) {
        CellStyle s = wb.createCellStyle();
        Font f = wb.createFont();
        f.setBold(true);
        f.setFontName("方正小标宋简体");
        f.setFontHeightInPoints((short) 16);
        s.setFont(f);
        s.setAlignment(HorizontalAlignment.CENTER);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        return s;
    }

    private static CellStyle bordered(Workbook wb) {
        CellStyle s = wb.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setWrapText(true);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        return s;
    }

    /**
     * A drop-down list on a column, from values kept on a hidden sheet (Excel limits inline lists to 255
     * characters). Other values stay allowed, with a warning, so that a new name can still be typed.
     */
    public static void dropDown(Workbook wb, Sheet sheet, int col, int firstRow, int lastRow, String listName,
            List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        Sheet lists = wb.getSheet("选项");
        if (lists == null) {
            lists = wb.createSheet("选项");
            wb.setSheetHidden(wb.getSheetIndex(lists), true);
        }
        int listCol = wb.getNumberOfNames();
        for (int i = 0; i < values.size(); i++) {
            Row row = lists.getRow(i) != null ? lists.getRow(i) : lists.createRow(i);
            row.createCell(listCol).setCellValue(values.get(i));
        }
        Name name = wb.createName();
        name.setNameName(listName);
        String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(listCol);
        name.setRefersToFormula("'选项'!$" + letter + "$1:$" + letter + "$" + values.size());
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint = helper.createFormulaListConstraint(listName);
        DataValidation v = helper.createValidation(constraint, new CellRangeAddressList(firstRow, lastRow, col, col));
        v.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        v.setShowErrorBox(true);
        v.createErrorBox("提示", "该值不在列表中，导入时将逐项检查。");
        sheet.addValidationData(v);
    }

    /** A plain table (header row, bordered rows) as .xlsx bytes: e.g. new logins for the office to hand out. */
    public static byte[] table(String sheetName, List<String> headers, List<List<String>> rows) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle head = header(wb);
            CellStyle cell = body(wb);
            Row h = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                h.createCell(c).setCellValue(headers.get(c));
                h.getCell(c).setCellStyle(head);
                sheet.setColumnWidth(c, 20 * 256);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                    row.getCell(c).setCellStyle(cell);
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Column widths in characters (a CJK character counts about two). */
    public static void widths(Sheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, Math.min(255, chars[i]) * 256);
        }
    }
}
