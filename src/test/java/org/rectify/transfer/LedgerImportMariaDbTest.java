package org.rectify.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerService;
import org.rectify.meeting.MeetingKind;
import org.rectify.meeting.MeetingService;
import org.rectify.meeting.MeetingStatus;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.MariaDbTest;
import org.rectify.testing.Sheets;
import org.rectify.testing.TestLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The import at the size of a real office's ledger, on MariaDB: 10,000 rows checked and imported well under a
 * minute (the figure is printed), with progress reported along the way; importing the same file again adds nothing;
 * a file too large is refused before it is read.
 */
@MariaDbTest
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:mysql://${RECTIFY_TEST_DB_HOST:127.0.0.1}:${RECTIFY_TEST_DB_PORT:3306}/"
                + "rectify_import?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8"
                + "&rewriteBatchedStatements=true",
        "rectify.evidence.dir=target/test-evidence/import"})
class LedgerImportMariaDbTest {

    static final int ROWS = 10_000;
    static final long LIMIT_MS = 60_000;

    @Autowired
    LedgerImportService imports;
    @Autowired
    MeetingService meetings;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixture fixture;

    @BeforeEach
    void office() {
        fixture.ensure();
        fixture.login(LedgerFixture.OFFICE);
    }

    @AfterEach
    void logout() {
        TestLogin.logout();
    }

    /** 4,000 problems of two or three measures, every deadline spelling, units and leaders of the fixture. */
    static Path bigSheet() throws Exception {
        String[] units = {"部门甲", "部门乙", "支部甲一"};
        String[] leaders = {LedgerFixture.SECRETARY, LedgerFixture.MEMBER};
        String[] deadlines = {"2026年6月底前", "年底前", "立行立改", "长期坚持", "2026.9", "2026-10-31", "2026年9月30日"};
        String[] categories = {"思想", "政治", "组织", "作风", "纪律", "廉洁"};
        try (Sheets s = new Sheets(new org.apache.poi.xssf.streaming.SXSSFWorkbook(200))) {
            s.row("规模导入测试台账");
            s.row("序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任单位", "整改时限", "整改进展", "完成情况");
            int row = 0;
            for (int p = 1; row < ROWS; p++) {
                int measures = p % 2 == 0 ? 3 : 2;
                for (int m = 0; m < measures && row < ROWS; m++, row++) {
                    s.row(m == 0 ? p : null, categories[p % categories.length],
                            "第" + p + "个问题：学习贯彻不够深入，调研" + (p * 7 % 97) + "次，落实第" + p + "项要求有差距",
                            "措施" + p + "-" + (m + 1) + "：建立制度并按月督促落实",
                            leaders[(p + m) % 2], units[(p + m) % 3], deadlines[(p * 3 + m) % deadlines.length],
                            m == 0 ? "已部署" : null, (p + m) % 5 == 0 ? "已完成" : null);
                }
            }
            return s.write();
        }
    }

    @Test
    void tenThousandRowsImportWellUnderAMinute() throws Exception {
        Path file = bigSheet();
        long meetingId = meetings.save(new MeetingService.MeetingDraft(null, null, "规模导入测试会议",
                MeetingKind.DEMOCRATIC_LIFE, fixture.id(LedgerFixture.ROOT), 2025, LocalDate.of(2026, 1, 20), null,
                null, 0, 0, MeetingStatus.RECTIFYING, 15, null, List.of())).getId();

        long start = System.nanoTime();
        LedgerImportService.Preview preview = imports.preview(meetingId, file, LedgerImportService.Options.defaults());
        long checked = System.nanoTime();
        assertThat(preview.issues()).filteredOn(ImportIssue::error).isEmpty();
        assertThat(preview.measures()).isEqualTo(ROWS);
        List<Integer> progress = new ArrayList<>();
        LedgerImportService.Result result = imports.commit(preview, LedgerImportService.Options.defaults(),
                progress::add);
        long imported = System.nanoTime();
        long previewMs = (checked - start) / 1_000_000;
        long importMs = (imported - checked) / 1_000_000;
        System.out.printf("%nIMPORT of %d rows on MariaDB: preview %d ms, import %d ms, total %d ms%n%n", ROWS,
                previewMs, importMs, previewMs + importMs);

        assertThat(result.measures()).isEqualTo(ROWS);
        assertThat(result.problems()).isEqualTo(preview.problems());
        assertThat(ledger.totals(new LedgerFilter().setMeetingId(meetingId)).total()).isEqualTo(ROWS);
        assertThat(progress).as("progress is reported problem by problem").hasSize(result.problems())
                .isSorted();
        assertThat(previewMs + importMs).as("10,000 rows well under a minute").isLessThan(LIMIT_MS);

        long again = System.nanoTime();
        LedgerImportService.Preview second = imports.preview(meetingId, file, LedgerImportService.Options.defaults());
        System.out.printf("RE-IMPORT check of %d rows: %d ms%n", ROWS, (System.nanoTime() - again) / 1_000_000);
        assertThat(second.measures()).isZero();
        assertThat(second.existing()).isEqualTo(ROWS);
    }

    @Test
    void twoOfficesImportingTheSameFileAtOnceImportItOnce() throws Exception {
        long meetingId = meetings.save(new MeetingService.MeetingDraft(null, null, "并发导入测试会议",
                MeetingKind.DEMOCRATIC_LIFE, fixture.id(LedgerFixture.ROOT), 2025, LocalDate.of(2026, 1, 20), null,
                null, 0, 0, MeetingStatus.RECTIFYING, 15, null, List.of())).getId();
        Path file = LedgerImportTest.officeSheet("支部甲一");
        LedgerImportService.Preview first = imports.preview(meetingId, file, LedgerImportService.Options.defaults());
        LedgerImportService.Preview second = imports.preview(meetingId, file, LedgerImportService.Options.defaults());
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<LedgerImportService.Result>> results = new ArrayList<>();
            for (LedgerImportService.Preview p : List.of(first, second)) {
                results.add(pool.submit(() -> {
                    fixture.login(LedgerFixture.OFFICE);
                    together.await();
                    return imports.commit(p, LedgerImportService.Options.defaults(), n -> { });
                }));
            }
            int measures = 0;
            for (var r : results) {
                measures += r.get().measures();
            }
            assertThat(measures).as("one of them imports, the other finds the rows there").isEqualTo(7);
        } finally {
            pool.shutdown();
        }
        assertThat(ledger.totals(new LedgerFilter().setMeetingId(meetingId)).total()).isEqualTo(7);
    }

    @Test
    void aFiftyMegabyteFileIsRefusedBeforeItIsRead() throws Exception {
        Path big = Files.createTempFile("rectify-50mb-", ".xlsx");
        big.toFile().deleteOnExit();
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024);
        }
        assertThatThrownBy(() -> imports.preview(fixture.id(LedgerFixture.CURRENT_MEETING), big,
                LedgerImportService.Options.defaults())).isInstanceOf(TransferException.class)
                .hasMessage("import.file.tooLarge");
    }
}
