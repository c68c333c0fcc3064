package org.rectify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.testing.TestConfig.TODAY;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerGrouping;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemScope;
import org.rectify.ledger.ProblemService;
import org.rectify.ledger.ProblemService.ImportedMeasure;
import org.rectify.ledger.ProblemService.ImportedProblem;
import org.rectify.ledger.ProblemService.MeasureDraft;
import org.rectify.ledger.ProblemSource;
import org.rectify.meeting.MeetingKind;
import org.rectify.meeting.MeetingService;
import org.rectify.meeting.MeetingStatus;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.SetupH2Test;
import org.rectify.testing.TestLogin;
import org.rectify.transfer.LedgerImportService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ledger export as offices send it: title, the paper ledger's columns, a problem merged over its measures,
 * groups, the page set-up; a unit contact exports only their scope; and the portal's import reads back every field.
 */
@SetupH2Test
class LedgerExportTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired
    LedgerExportService export;
    @Autowired
    LedgerImportService imports;
    @Autowired
    ProblemService problems;
    @Autowired
    MeetingService meetings;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixture fixture;

    private long meetingId;

    @BeforeEach
    void ledgerOfItsOwn() {
        fixture.ensure();
        fixture.login(LedgerFixture.OFFICE);
        meetingId = meeting("导出测试会议" + N.incrementAndGet());
        long a = fixture.id(LedgerFixture.A);
        long a1 = fixture.id(LedgerFixture.A1);
        long b = fixture.id(LedgerFixture.B);
        long secretary = fixture.id(LedgerFixture.SECRETARY);
        long member = fixture.id(LedgerFixture.MEMBER);
        long contactA = fixture.id(LedgerFixture.CONTACT_A_PERSON);
        problems.importProblems(meetingId, List.of(
                new ImportedProblem(null, ProblemScope.TEAM, null, ProblemSource.STUDY, fixture.categoryId("思想"),
                        "理论学习不够深入系统", "学用结合不紧", List.of(
                        new ImportedMeasure(new MeasureDraft(null, null, "制定学习计划", secretary, a, contactA,
                                MeasureType.PHASED, TODAY.plusDays(30)), MeasureStatus.IN_PROGRESS, 60, "推进中",
                                TODAY, null, null, null),
                        new ImportedMeasure(new MeasureDraft(null, null, "建立学习台账", secretary, a1, null,
                                MeasureType.IMMEDIATE, LocalDate.of(2026, 2, 1)), MeasureStatus.CLOSED, 100,
                                "已建立", LocalDate.of(2026, 1, 30), LocalDate.of(2026, 1, 30), null, null),
                        new ImportedMeasure(new MeasureDraft(null, null, "每月集中学习", member, b, null,
                                MeasureType.LONG_TERM, null), MeasureStatus.NOT_STARTED, 0, null, null, null, null,
                                null))),
                new ImportedProblem(null, ProblemScope.INDIVIDUAL, member, ProblemSource.MASS_FEEDBACK,
                        fixture.categoryId("作风"), "调研不够深入", null, List.of(
                        new ImportedMeasure(new MeasureDraft(null, null, "每季度调研一次", member, b, null,
                                MeasureType.PHASED, TODAY.plusDays(30)), MeasureStatus.RETURNED, 80, "已调研两次",
                                TODAY.minusDays(3), null, TODAY.minusDays(5), null)))), n -> { });
    }

    @AfterEach
    void logout() {
        TestLogin.logout();
    }

    private long meeting(String title) {
        return meetings.save(new MeetingService.MeetingDraft(null, null, title, MeetingKind.DEMOCRATIC_LIFE,
                fixture.id(LedgerFixture.ROOT), 2025, LocalDate.of(2026, 1, 20), null, null, 0, 0,
                MeetingStatus.RECTIFYING, 15, null, List.of())).getId();
    }

    private static XSSFWorkbook read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static String text(Sheet s, int row, int col) {
        var r = s.getRow(row);
        var c = r == null ? null : r.getCell(col);
        return c == null ? "" : new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(c);
    }

    @Test
    void theSheetLooksLikeThePaperLedger() throws Exception {
        List<int[]> progress = new ArrayList<>();
        Path file = export.export(new LedgerFilter().setMeetingId(meetingId), LedgerGrouping.NONE, "",
                (done, total) -> progress.add(new int[] {done, total}));
        try (XSSFWorkbook wb = read(file)) {
            Sheet s = wb.getSheet("整改台账");
            assertThat(text(s, 0, 0)).isEqualTo("测试党委导出测试会议" + N.get() + "整改台账");
            assertThat(text(s, 1, 0)).isEqualTo("截至2026年6月15日");
            assertThat(List.of(text(s, 2, 0), text(s, 2, 1), text(s, 2, 2), text(s, 2, 3), text(s, 2, 4),
                    text(s, 2, 5), text(s, 2, 6), text(s, 2, 7), text(s, 2, 8), text(s, 2, 9))).containsExactly(
                    "序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任单位", "整改时限", "整改类型", "整改进展",
                    "完成情况");
            assertThat(text(s, 3, 0)).isEqualTo("1");
            assertThat(text(s, 3, 2)).isEqualTo("理论学习不够深入系统");
            assertThat(text(s, 3, 3)).isEqualTo("制定学习计划");
            assertThat(text(s, 3, 9)).isEqualTo("整改中，进度60%");
            assertThat(text(s, 4, 9)).isEqualTo("已销号（2026-01-30）");
            assertThat(text(s, 5, 6)).isEqualTo("长期");
            assertThat(text(s, 5, 7)).isEqualTo("长期整改");
            assertThat(text(s, 6, 6)).isEqualTo(TODAY.plusDays(30) + "（原定" + TODAY.minusDays(5) + "）");
            assertThat(text(s, 6, 9)).isEqualTo("已退回，进度80%");
            assertThat(text(s, 6, 12)).isEqualTo(LedgerFixture.MEMBER);
            assertThat(s.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, 9),
                    new CellRangeAddress(3, 5, 0, 0), new CellRangeAddress(3, 5, 1, 1),
                    new CellRangeAddress(3, 5, 2, 2));
            assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
            assertThat(s.getPrintSetup().getLandscape()).isTrue();
            assertThat(s.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(s.getRepeatingRows().formatAsString()).isEqualTo("3:3");
            assertThat(s.getFooter().getCenter()).contains("&P").contains("&N");
            assertThat(wb.getPrintArea(0)).contains("$A").contains("$J");
        }
        assertThat(progress.get(progress.size() - 1)).containsExactly(4, 4);
    }

    @Test
    void groupsHaveHeadingRowsAndAContactExportsOnlyTheirScope() throws Exception {
        Path grouped = export.export(new LedgerFilter().setMeetingId(meetingId), LedgerGrouping.UNIT, "",
                (d, t) -> { });
        try (XSSFWorkbook wb = read(grouped)) {
            Sheet s = wb.getSheetAt(0);
            assertThat(text(s, 3, 0)).isEqualTo("部门甲（共1项，已销号0项）");
            assertThat(s.getMergedRegions()).contains(new CellRangeAddress(3, 3, 0, 9));
        }
        fixture.login(LedgerFixture.CONTACT_A);
        Path mine = export.export(new LedgerFilter().setMeetingId(meetingId), LedgerGrouping.NONE, "",
                (d, t) -> { });
        try (XSSFWorkbook wb = read(mine)) {
            Sheet s = wb.getSheetAt(0);
            List<String> measures = new ArrayList<>();
            for (int r = 3; r <= s.getLastRowNum(); r++) {
                measures.add(text(s, r, 3));
            }
            assertThat(measures).as("部门甲 and its branch only").containsExactly("制定学习计划", "建立学习台账");
        }
    }

    @Test
    void whatTheExportWritesTheImportReadsBackFieldForField() throws Exception {
        Path file = export.export(new LedgerFilter().setMeetingId(meetingId), LedgerGrouping.UNIT, "", (d, t) -> { });
        long copy = meeting("导出再导入" + N.incrementAndGet());
        LedgerImportService.Preview preview = imports.preview(copy, file, LedgerImportService.Options.defaults());
        assertThat(preview.issues()).filteredOn(org.rectify.transfer.ImportIssue::error).isEmpty();
        imports.commit(preview, LedgerImportService.Options.defaults(), n -> { });

        List<String> original = describe(ledger.find(new LedgerFilter().setMeetingId(meetingId), null, 0, 50,
                List.of()));
        List<String> roundTrip = describe(ledger.find(new LedgerFilter().setMeetingId(copy), null, 0, 50, List.of()));
        assertThat(roundTrip).containsExactlyElementsOf(original);
    }

    /** Every ledger field of a row, in words, to compare two ledgers. */
    private static List<String> describe(List<Measure> rows) {
        return rows.stream().map(m -> String.join("|", String.valueOf(m.getProblem().getSeqNo()),
                m.getProblem().getCategory().getName(), m.getProblem().getSource().name(),
                m.getProblem().getScope().name(), m.getProblem().getMember() == null ? "-"
                        : m.getProblem().getMember().getName(), m.getProblem().getDescription(),
                String.valueOf(m.getProblem().getCauseAnalysis()), String.valueOf(m.getSeqNo()), m.getContent(),
                m.getLeader().getName(), m.getUnit().getName(), m.getContact() == null ? "-" : m.getContact().getName(),
                m.getType().name(), String.valueOf(m.getDeadline()), String.valueOf(m.getOriginalDeadline()),
                m.getStatus().name(), String.valueOf(m.getProgress()), String.valueOf(m.getProgressNote()),
                String.valueOf(m.getCompletedOn()))).toList();
    }
}
