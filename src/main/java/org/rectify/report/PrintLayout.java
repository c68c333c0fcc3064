package org.rectify.report;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/** How every sheet the portal hands upward prints: A4, one page wide, the header row repeated, page numbers. */
final class PrintLayout {

    private PrintLayout() {
    }

    /**
     * @param headerRow the table's header row (0-based), repeated on every page
     * @param printedColumns the columns printed, from A (columns right of them are for the import, not the paper)
     */
    static void apply(Workbook wb, Sheet sheet, boolean landscape, int headerRow, int printedColumns) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setMargin(Sheet.LeftMargin, 0.5);
        sheet.setMargin(Sheet.RightMargin, 0.5);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.7);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, 0, printedColumns - 1));
        sheet.getFooter().setCenter("第 &P 页 共 &N 页");
        String last = org.apache.poi.ss.util.CellReference.convertNumToColString(printedColumns - 1);
        wb.setPrintArea(wb.getSheetIndex(sheet), "$A:$" + last);
    }
}
