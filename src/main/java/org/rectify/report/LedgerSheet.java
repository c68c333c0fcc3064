package org.rectify.report;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.Problem;
import org.rectify.transfer.LedgerColumn;
import org.rectify.transfer.Workbooks;

/**
 * One rectification ledger sheet as offices send it upward: a title over the table, the paper ledger's columns
 * (序号 … 完成情况) with a problem's cells merged over its measures' rows, group heading rows, a frozen header, and a
 * page set-up for A4 landscape with the header repeated on every page and page numbers in the footer. Five more
 * columns right of the print area (来源, 归属, 班子成员, 联络员, 原因剖析) carry what the paper leaves out, so that the
 * portal's own import reads back every field. Rows are written as they come: the sheet may be streamed.
 */
public final class LedgerSheet {

    /** The paper ledger's columns, then the supplementary ones. */
    static final List<LedgerColumn> COLUMNS = List.of(LedgerColumn.SEQ, LedgerColumn.CATEGORY, LedgerColumn.PROBLEM,
            LedgerColumn.MEASURE, LedgerColumn.LEADER, LedgerColumn.UNIT, LedgerColumn.DEADLINE, LedgerColumn.TYPE,
            LedgerColumn.PROGRESS, LedgerColumn.STATUS, LedgerColumn.SOURCE, LedgerColumn.SCOPE,
            LedgerColumn.MEMBER, LedgerColumn.CONTACT, LedgerColumn.CAUSE);
    /** Columns printed: the paper ledger's ten. */
    static final int PRINTED = 10;
    /** A problem's cells, merged over its measures' rows. */
    private static final List<Integer> PROBLEM_COLUMNS = List.of(0, 1, 2, 10, 11, 12, 14);
    private static final int[] WIDTHS = {6, 9, 30, 36, 9, 12, 13, 10, 30, 15, 14, 10, 9, 9, 30};

    private final Workbook wb;
    private final Sheet sheet;
    private final Function<String, String> labels;
    private final CellStyle body;
    private final CellStyle center;
    private final CellStyle date;
    private final CellStyle group;
    private int next;
    private long currentProblem = -1;
    private int problemFirstRow = -1;

    /**
     * @param labels the Chinese label of a message key (types, statuses, sources, scopes): the sheet is an official
     *               document, in Chinese whatever the user's language
     */
    public LedgerSheet(Workbook wb, String name, String title, String subtitle, Function<String, String> labels) {
        this.wb = wb;
        this.sheet = wb.createSheet(name);
        this.labels = labels;
        this.body = Workbooks.body(wb);
        this.center = Workbooks.body(wb);
        center.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
        this.date = Workbooks.body(wb);
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        date.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
        this.group = Workbooks.body(wb);
        Font bold = wb.createFont();
        bold.setBold(true);
        bold.setFontName("宋体");
        group.setFont(bold);
        group.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_25_PERCENT.getIndex());
        group.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);

        Row titleRow = sheet.createRow(next++);
        titleRow.setHeightInPoints(30);
        cell(titleRow, 0, title, Workbooks.title(wb));
        sheet.addMergedRegionUnsafe(new CellRangeAddress(0, 0, 0, PRINTED - 1));
        Row sub = sheet.createRow(next++);
        CellStyle right = wb.createCellStyle();
        right.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
        cell(sub, 0, subtitle, right);
        sheet.addMergedRegionUnsafe(new CellRangeAddress(1, 1, 0, PRINTED - 1));
        Row header = sheet.createRow(next++);
        CellStyle head = Workbooks.header(wb);
        for (int c = 0; c < COLUMNS.size(); c++) {
            cell(header, c, COLUMNS.get(c).label(), head);
            sheet.setColumnWidth(c, WIDTHS[c] * 256);
        }
        sheet.createFreezePane(0, next);
        PrintLayout.apply(wb, sheet, true, next - 1, PRINTED);
    }

    /** A group's heading row (a unit, a category, a meeting), merged across the printed columns. */
    public void group(String text) {
        closeProblem();
        Row row = sheet.createRow(next++);
        cell(row, 0, text, group);
        for (int c = 1; c < PRINTED; c++) {
            row.createCell(c).setCellStyle(group);
        }
        sheet.addMergedRegionUnsafe(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, PRINTED - 1));
    }

    /** One measure; consecutive measures of one problem share its merged cells. */
    public void measure(Measure m) {
        Problem p = m.getProblem();
        if (p.getId() != currentProblem) {
            closeProblem();
            currentProblem = p.getId();
            problemFirstRow = next;
        }
        Row row = sheet.createRow(next++);
        boolean first = row.getRowNum() == problemFirstRow;
        cell(row, 0, first ? String.valueOf(p.getSeqNo()) : null, center);
        cell(row, 1, first ? p.getCategory().getName() : null, center);
        cell(row, 2, first ? p.getDescription() : null, body);
        cell(row, 3, m.getContent(), body);
        cell(row, 4, m.getLeader().getName(), center);
        cell(row, 5, m.getUnit().getName(), center);
        deadline(row, 6, m);
        cell(row, 7, labels.apply(m.getType().messageKey()), center);
        cell(row, 8, m.getProgressNote(), body);
        cell(row, 9, completion(m), center);
        cell(row, 10, first ? labels.apply(p.getSource().messageKey()) : null, center);
        cell(row, 11, first ? labels.apply(p.getScope().messageKey()) : null, center);
        cell(row, 12, first && p.getMember() != null ? p.getMember().getName() : null, center);
        cell(row, 13, m.getContact() == null ? null : m.getContact().getName(), center);
        cell(row, 14, first ? p.getCauseAnalysis() : null, body);
    }

    /** 整改时限: a date; "长期" for none; the date in force with the original when it was extended. */
    private void deadline(Row row, int col, Measure m) {
        if (m.getDeadline() == null) {
            cell(row, col, "长期", center);
        } else if (m.getOriginalDeadline() != null && !m.getOriginalDeadline().equals(m.getDeadline())) {
            cell(row, col, m.getDeadline() + "（原定" + m.getOriginalDeadline() + "）", center);
        } else {
            Cell c = row.createCell(col);
            c.setCellValue(m.getDeadline());
            c.setCellStyle(date);
        }
    }

    /** 完成情况 in the words the import reads back: 已销号（date）, 整改中，进度N%, 未开始 … */
    String completion(Measure m) {
        String label = labels.apply(m.getStatus().messageKey());
        if (m.getStatus() == MeasureStatus.CLOSED) {
            return label + (m.getCompletedOn() == null ? "" : "（" + m.getCompletedOn() + "）");
        }
        boolean reportsProgress = m.getStatus() == MeasureStatus.IN_PROGRESS || m.getStatus() == MeasureStatus.RETURNED;
        return reportsProgress && m.getProgress() > 0 && m.getProgress() < 100
                ? label + "，进度" + m.getProgress() + "%" : label;
    }

    /** Ends the merges of the problem being written (when it spans several rows). */
    private void closeProblem() {
        if (currentProblem >= 0 && next - 1 > problemFirstRow) {
            for (int c : PROBLEM_COLUMNS) {
                sheet.addMergedRegionUnsafe(new CellRangeAddress(problemFirstRow, next - 1, c, c));
            }
        }
        currentProblem = -1;
    }

    /** Writes what is pending; call once after the last row. */
    public void finish() {
        closeProblem();
    }

    /** Rows written below the header (data and group rows). */
    public int rowsWritten() {
        return next - 3;
    }

    private static void cell(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value);
        }
        c.setCellStyle(style);
    }

    static String day(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
