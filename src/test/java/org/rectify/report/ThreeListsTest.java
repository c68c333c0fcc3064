package org.rectify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.testing.TestConfig.TODAY;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
import org.rectify.meeting.MeetingService.AttendeeDraft;
import org.rectify.meeting.MeetingStatus;
import org.rectify.org.Position;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.SetupH2Test;
import org.rectify.testing.TestLogin;
import org.springframework.beans.factory.annotation.Autowired;

/** 三类清单 of a meeting: three sheets with the attendees' duties, the problems by team and member, the ledger. */
@SetupH2Test
class ThreeListsTest {

    @Autowired
    ThreeListsService lists;
    @Autowired
    ProblemService problems;
    @Autowired
    MeetingService meetings;
    @Autowired
    LedgerFixture fixture;

    @AfterEach
    void logout() {
        TestLogin.logout();
    }

    private static List<List<String>> rows(Sheet s) {
        DataFormatter f = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= s.getLastRowNum(); r++) {
            List<String> cells = new ArrayList<>();
            var row = s.getRow(r);
            for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                cells.add(row.getCell(c) == null ? "" : f.formatCellValue(row.getCell(c)));
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    void threeSheetsForFilingEachSetUpToPrint() throws Exception {
        fixture.ensure();
        fixture.login(LedgerFixture.OFFICE);
        long secretary = fixture.id(LedgerFixture.SECRETARY);
        long member = fixture.id(LedgerFixture.MEMBER);
        long a = fixture.id(LedgerFixture.A);
        long meetingId = meetings.save(new MeetingService.MeetingDraft(null, null, "2025年度三类清单测试会",
                MeetingKind.DEMOCRATIC_LIFE, fixture.id(LedgerFixture.ROOT), 2025, LocalDate.of(2026, 1, 20), null,
                null, 0, 0, MeetingStatus.RECTIFYING, 15, null, List.of(
                        new AttendeeDraft(secretary, Position.SECRETARY, "主持党委全面工作"),
                        new AttendeeDraft(member, Position.COMMITTEE_MEMBER, "分管组织、宣传工作")))).getId();
        problems.importProblems(meetingId, List.of(
                new ImportedProblem(null, ProblemScope.TEAM, null, ProblemSource.STUDY, fixture.categoryId("思想"),
                        "理论学习不够深入", "重业务轻学习", List.of(
                        measure("制定学习计划", secretary, a, TODAY.plusDays(30)),
                        measure("建立学习台账", member, a, TODAY.plusDays(40)))),
                new ImportedProblem(null, ProblemScope.INDIVIDUAL, member, ProblemSource.MASS_FEEDBACK,
                        fixture.categoryId("作风"), "调研不够深入", null, List.of(
                        measure("每季度调研一次", member, a, TODAY.plusDays(60))))), n -> { });

        Path file = lists.export(meetingId, (done, total) -> { });
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)))
                    .containsExactly("岗位职责清单", "检视问题清单", "整改落实清单");

            List<List<String>> duties = rows(wb.getSheet("岗位职责清单"));
            assertThat(duties.get(0).get(0)).isEqualTo("测试党委2025年度三类清单测试会岗位职责清单");
            assertThat(duties.get(1).get(0)).isEqualTo("截至2026年6月15日");
            assertThat(duties.get(2)).containsExactly("序号", "姓名", "职务", "岗位职责（分管工作）", "个人检视问题（个）",
                    "牵头整改措施（项）");
            assertThat(duties.get(3)).containsExactly("1", LedgerFixture.SECRETARY, "书记", "主持党委全面工作", "0", "1");
            assertThat(duties.get(4)).containsExactly("2", LedgerFixture.MEMBER, "委员", "分管组织、宣传工作", "1", "2");

            List<List<String>> found = rows(wb.getSheet("检视问题清单"));
            assertThat(found.get(3).get(0)).isEqualTo("一、领导班子检视问题（1个）");
            assertThat(found.get(4)).containsExactly("1", "思想", "学习研讨中查摆", "理论学习不够深入", "重业务轻学习", "");
            assertThat(found.get(5).get(0)).isEqualTo("二、班子成员个人检视问题（1人，1个）");
            assertThat(found.get(6).get(0)).isEqualTo(LedgerFixture.MEMBER + "（1个）");
            assertThat(found.get(7)).containsExactly("2", "作风", "群众反映/征求意见", "调研不够深入", "", LedgerFixture.MEMBER);

            List<List<String>> ledger = rows(wb.getSheet("整改落实清单"));
            assertThat(ledger.get(0).get(0)).isEqualTo("测试党委2025年度三类清单测试会整改落实清单");
            assertThat(ledger.subList(3, ledger.size())).extracting(r -> r.get(3))
                    .containsExactly("制定学习计划", "建立学习台账", "每季度调研一次");

            for (int i = 0; i < 3; i++) {
                Sheet s = wb.getSheetAt(i);
                assertThat(s.getPrintSetup().getPaperSize()).as(s.getSheetName())
                        .isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
                assertThat(s.getRepeatingRows().formatAsString()).as(s.getSheetName()).isEqualTo("3:3");
                assertThat(s.getFooter().getCenter()).contains("&P");
            }
            assertThat(wb.getSheet("岗位职责清单").getPrintSetup().getLandscape()).isFalse();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static ImportedMeasure measure(String content, long leader, long unit, LocalDate deadline) {
        return new ImportedMeasure(new MeasureDraft(null, null, content, leader, unit, null, MeasureType.PHASED,
                deadline), MeasureStatus.NOT_STARTED, 0, null, null, null, null, null);
    }
}
