package org.rectify.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds the workbooks the import tests read, the way offices make them: titles, merges, dates, formulas. */
public final class Sheets implements AutoCloseable {

    /** A cell holding a formula, e.g. {@code new Formula("A5+1")}. */
    public record Formula(String expression) {
    }

    private final Workbook workbook;
    private Sheet sheet;
    private final CellStyle dateStyle;
    private int next;

    public Sheets() {
        this(new XSSFWorkbook());
    }

    public Sheets(Workbook workbook) {
        this.workbook = workbook;
        this.sheet = workbook.createSheet("整改台账");
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
    }

    public Sheets sheet(String name) {
        sheet = workbook.createSheet(name);
        next = 0;
        return this;
    }

    /** Appends a row; returns its 0-based index. Values: String, Number, LocalDate, Formula or null. */
    public int row(Object... values) {
        Row row = sheet.createRow(next);
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(dateStyle);
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof Formula f) {
                cell.setCellFormula(f.expression());
            } else {
                cell.setCellValue(v.toString());
            }
        }
        return next++;
    }

    public Sheets blank() {
        next++;
        return this;
    }

    public Sheets merge(int firstRow, int lastRow, int firstCol, int lastCol) {
        sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol));
        return this;
    }

    public Workbook workbook() {
        return workbook;
    }

    /** Writes the workbook (formulas evaluated, as Excel would have cached them) to a new file. */
    public Path write(String suffix) throws IOException {
        if (!(workbook instanceof org.apache.poi.xssf.streaming.SXSSFWorkbook)) {
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        }
        Path file = Files.createTempFile("rectify-test-", suffix);
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        file.toFile().deleteOnExit();
        return file;
    }

    public Path write() throws IOException {
        return write(".xlsx");
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
