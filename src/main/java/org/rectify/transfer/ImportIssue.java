package org.rectify.transfer;

/**
 * One finding of an import preview, pointing at the sheet: "第8行 责任单位：系统中没有“信息中心”".
 *
 * @param sheet  the worksheet, when the import reads several (units and people); else null
 * @param row    the Excel row number (1-based), 0 for the sheet as a whole
 * @param column the column's header as the sheet writes it, or null
 * @param error  an error keeps the row out; otherwise a warning (the row is imported as described)
 */
public record ImportIssue(String sheet, int row, String column, boolean error, String messageKey, Object... args) {

    public ImportIssue(int row, String column, boolean error, String messageKey, Object... args) {
        this(null, row, column, error, messageKey, args);
    }
}
