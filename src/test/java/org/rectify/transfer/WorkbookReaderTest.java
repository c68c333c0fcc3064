package org.rectify.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.rectify.testing.Sheets;

/** What the office may upload instead of a tidy .xlsx: each gets a clear refusal, or is read as it is. */
class WorkbookReaderTest {

    private static final int MAX_ROWS = 20_000;

    private static Path file(String suffix, byte[] content) throws Exception {
        Path f = Files.createTempFile("rectify-bad-", suffix);
        Files.write(f, content);
        f.toFile().deleteOnExit();
        return f;
    }

    private static void refused(Path file, String key) {
        assertThatThrownBy(() -> WorkbookReader.read(file, MAX_ROWS)).isInstanceOf(TransferException.class)
                .hasMessage(key);
    }

    @Test
    void datesFormulasAndMergesAreReadAsTheyShow() throws Exception {
        Path f;
        try (Sheets s = new Sheets()) {
            s.row("序号", "整改时限", "合计");
            s.row(1, LocalDate.of(2026, 9, 30), new Sheets.Formula("A2*10"));
            s.row(2, "年底前", null);
            s.merge(1, 2, 0, 0);
            f = s.write();
        }
        SheetGrid g = WorkbookReader.read(f, MAX_ROWS).get(0);
        assertThat(g.value(1, 1)).isEqualTo("2026-09-30");
        assertThat(g.value(1, 2)).isEqualTo("10");
        assertThat(g.value(2, 0)).as("a merged cell shows its region's value").isEqualTo("1");
        assertThat(g.raw(2, 0)).as("the cell itself is empty in the file").isEqualTo("2");
    }

    @Test
    void anOldXlsIsReadLikeAnXlsx() throws Exception {
        Path f;
        try (Sheets s = new Sheets(new HSSFWorkbook())) {
            s.row("存在问题", "整改措施", "完成时限");
            s.row("问题一", "措施一", LocalDate.of(2026, 6, 30));
            s.row(null, "措施二", "年底前");
            s.merge(1, 2, 0, 0);
            f = s.write(".xls");
        }
        SheetGrid g = WorkbookReader.read(f, MAX_ROWS).get(0);
        assertThat(g.value(1, 2)).isEqualTo("2026-06-30");
        assertThat(g.value(2, 0)).isEqualTo("问题一");
    }

    @Test
    void notASpreadsheetIsSaidSo() throws Exception {
        refused(file(".xlsx", "%PDF-1.7 this is a pdf".getBytes()), "import.file.notSpreadsheet");
        refused(file(".xlsx", "序号,问题\n1,学习不深\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "import.file.notSpreadsheet");
        // A Word document is an OLE2 file as well, but no workbook.
        Path doc = Files.createTempFile("rectify-bad-", ".xls");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(doc)) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), "WordDocument");
            fs.writeFilesystem(out);
        }
        refused(doc, "import.file.notSpreadsheet");
    }

    @Test
    void anEmptyFileOrAnEmptyWorkbookIsSaidSo() throws Exception {
        refused(file(".xlsx", new byte[0]), "import.file.empty");
        Path blank;
        try (Sheets s = new Sheets()) {
            blank = s.write();
        }
        refused(blank, "import.file.noContent");
    }

    @Test
    void aPasswordProtectedWorkbookIsSaidSo() throws Exception {
        Path plain;
        try (Sheets s = new Sheets()) {
            s.row("存在问题", "整改措施");
            plain = s.write();
        }
        Path locked = Files.createTempFile("rectify-locked-", ".xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("secret");
            try (OPCPackage opc = OPCPackage.open(plain.toFile(), PackageAccess.READ_WRITE);
                 OutputStream os = enc.getDataStream(fs)) {
                opc.save(os);
            }
            try (OutputStream out = Files.newOutputStream(locked)) {
                fs.writeFilesystem(out);
            }
        }
        refused(locked, "import.file.encrypted");
    }

    @Test
    void aDamagedWorkbookIsSaidSo() throws Exception {
        Path good;
        try (Sheets s = new Sheets()) {
            s.row("存在问题", "整改措施");
            good = s.write();
        }
        byte[] bytes = Files.readAllBytes(good);
        refused(file(".xlsx", java.util.Arrays.copyOf(bytes, bytes.length / 2)), "import.file.damaged");
    }

    @Test
    void aSheetOfAHundredThousandRowsIsRefusedBeforeItFillsTheMemory() throws Exception {
        Path big = Files.createTempFile("rectify-big-", ".xlsx");
        big.toFile().deleteOnExit();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = wb.createSheet("台账");
            for (int r = 0; r < 100_000; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r);
                row.createCell(1).setCellValue("问题" + r);
                row.createCell(2).setCellValue("措施" + r);
            }
            try (OutputStream out = Files.newOutputStream(big)) {
                wb.write(out);
            }
        }
        assertThatThrownBy(() -> WorkbookReader.read(big, MAX_ROWS)).isInstanceOf(TransferException.class)
                .hasMessage("import.file.tooManyRows")
                .satisfies(e -> assertThat(((TransferException) e).messageArgs()).containsExactly("台账", MAX_ROWS));
    }

    @Test
    void everySheetIsReadHiddenOnesOfOldFilesLeftOut() throws Exception {
        Path f;
        try (Sheets s = new Sheets()) {
            s.row("说明");
            s.sheet("第二页").row("存在问题", "整改措施");
            f = s.write();
        }
        List<SheetGrid> sheets = WorkbookReader.read(f, MAX_ROWS);
        assertThat(sheets).extracting(SheetGrid::name).containsExactly("整改台账", "第二页");
    }
}
