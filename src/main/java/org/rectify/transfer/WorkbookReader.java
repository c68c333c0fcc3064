package org.rectify.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Reads a workbook into {@link SheetGrid}s, whatever the office sends: .xlsx is streamed (a long sheet never sits
 * in memory as POI objects), an old .xls is read as it is. Anything that is not a readable spreadsheet — another
 * file type, a password-protected workbook, a damaged or empty file, a sheet too long — is refused with a
 * {@link TransferException} naming the problem.
 */
public final class WorkbookReader {

    private static final Logger log = LoggerFactory.getLogger(WorkbookReader.class);

    private WorkbookReader() {
    }

    /**
     * @param maxRows more rows than this in any sheet is refused (the count includes title and header rows)
     */
    public static List<SheetGrid> read(Path file, int maxRows) {
        long size;
        FileMagic magic;
        try {
            size = Files.size(file);
            if (size == 0) {
                throw new TransferException("import.file.empty");
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                magic = FileMagic.valueOf(in);
            }
        } catch (IOException e) {
            throw new TransferException("import.file.unreadable");
        }
        try {
            List<SheetGrid> sheets = switch (magic) {
                case OOXML -> readXlsx(file, maxRows);
                case OLE2 -> readOle2(file, maxRows);
                default -> throw new TransferException("import.file.notSpreadsheet");
            };
            if (sheets.stream().allMatch(s -> s.rowCount() == 0)) {
                throw new TransferException("import.file.noContent");
            }
            return sheets;
        } catch (TransferException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new TransferException("import.file.encrypted");
        } catch (Exception | OutOfMemoryError e) {
            log.info("Unreadable workbook ({} bytes, {}): {}", size, magic, e.toString());
            throw new TransferException("import.file.damaged");
        }
    }

    /** An OLE2 container is an encrypted .xlsx, an old .xls, or something else of Microsoft's (a .doc). */
    private static List<SheetGrid> readOle2(Path file, int maxRows) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) {
                throw new TransferException("import.file.encrypted");
            }
            if (!fs.getRoot().hasEntryCaseInsensitive("Workbook") && !fs.getRoot().hasEntryCaseInsensitive("Book")) {
                throw new TransferException("import.file.notSpreadsheet");
            }
            try (HSSFWorkbook wb = new HSSFWorkbook(fs.getRoot(), true)) {
                return readWorkbook(wb, maxRows);
            }
        }
    }

    /** Through the usermodel: for .xls (at most 65,536 rows a sheet by format). */
    static List<SheetGrid> readWorkbook(Workbook wb, int maxRows) {
        FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
        DataFormatter formatter = new IsoDateFormatter();
        List<SheetGrid> grids = new ArrayList<>();
        for (int s = 0; s < wb.getNumberOfSheets(); s++) {
            if (wb.isSheetHidden(s) || wb.isSheetVeryHidden(s)) {
                continue;
            }
            Sheet sheet = wb.getSheetAt(s);
            if (sheet.getLastRowNum() + 1 > maxRows) {
                throw new TransferException("import.file.tooManyRows", sheet.getSheetName(), maxRows);
            }
            List<String[]> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || row.getLastCellNum() <= 0) {
                    rows.add(null);
                    continue;
                }
                String[] cells = new String[row.getLastCellNum()];
                for (int c = 0; c < cells.length; c++) {
                    Cell cell = row.getCell(c);
                    cells[c] = cell == null ? null : text(cell, formatter, evaluator);
                }
                rows.add(cells);
            }
            List<SheetGrid.Region> regions = new ArrayList<>();
            for (CellRangeAddress a : sheet.getMergedRegions()) {
                regions.add(new SheetGrid.Region(a.getFirstRow(), a.getLastRow(), a.getFirstColumn(),
                        a.getLastColumn()));
            }
            grids.add(new SheetGrid(sheet.getSheetName(), trim(rows), regions));
        }
        return grids;
    }

    private static String text(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (cell.getCellType() == CellType.FORMULA) {
            // The cached result, as the sheet's author last saw it.
            return switch (type) {
                case NUMERIC -> formatter.formatRawCellContents(cell.getNumericCellValue(),
                        cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
                case STRING -> cell.getStringCellValue();
                case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
                default -> "";
            };
        }
        return formatter.formatCellValue(cell, evaluator);
    }

    private static List<SheetGrid> readXlsx(Path file, int maxRows) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<SheetGrid> grids = new ArrayList<>();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    Collector collector = new Collector(name, maxRows);
                    XMLReader parser = XMLHelper.newXMLReader();
                    MergeCells merges = new MergeCells(parser);
                    merges.setContentHandler(new XSSFSheetXMLHandler(styles, strings, collector,
                            new IsoDateFormatter(), false));
                    merges.parse(new InputSource(sheet));
                    grids.add(new SheetGrid(name, trim(collector.rows), merges.regions));
                }
            }
            return grids;
        }
    }

    /** Drops trailing empty rows. */
    private static List<String[]> trim(List<String[]> rows) {
        int end = rows.size();
        while (end > 0 && (rows.get(end - 1) == null || java.util.Arrays.stream(rows.get(end - 1))
                .allMatch(c -> c == null || c.isBlank()))) {
            end--;
        }
        return new ArrayList<>(rows.subList(0, end));
    }

    /** Collects the streamed cells into rows, and stops a sheet that is too long. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String sheet;
        private final int maxRows;
        private final List<String[]> rows = new ArrayList<>();
        private List<String> current;

        Collector(String sheet, int maxRows) {
            this.sheet = sheet;
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum + 1 > maxRows) {
                throw new TransferException("import.file.tooManyRows", sheet, maxRows);
            }
            while (rows.size() < rowNum) {
                rows.add(null);
            }
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(current.toArray(String[]::new));
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = new CellAddress(ref).getColumn();
            while (current.size() < col) {
                current.add(null);
            }
            current.add(value);
        }
    }

    /** Passes the sheet XML on to POI's handler and notes the merged regions, which it does not report. */
    private static final class MergeCells extends XMLFilterImpl {
        private final List<SheetGrid.Region> regions = new ArrayList<>();

        MergeCells(XMLReader parent) {
            super(parent);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("mergeCell".equals(localName)) {
                String ref = atts.getValue("ref");
                if (ref != null && ref.contains(":")) {
                    CellRangeAddress a = CellRangeAddress.valueOf(ref);
                    regions.add(new SheetGrid.Region(a.getFirstRow(), a.getLastRow(), a.getFirstColumn(),
                            a.getLastColumn()));
                }
            }
            super.startElement(uri, localName, qName, atts);
        }
    }

    /** Dates as yyyy-MM-dd whatever the cell's display format, so that deadlines parse the same in every sheet. */
    static final class IsoDateFormatter extends DataFormatter {
        private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString,
                boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return ISO.format(DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate());
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
