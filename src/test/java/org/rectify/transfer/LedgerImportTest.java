package org.rectify.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.base.ui.i18n.RectifyI18NProvider;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemScope;
import org.rectify.meeting.MeetingKind;
import org.rectify.meeting.MeetingService;
import org.rectify.meeting.MeetingStatus;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.Sheets;
import org.rectify.testing.Sheets.Formula;
import org.rectify.testing.TestLogin;
import org.rectify.testing.SetupH2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import of an office's own Excel ledger: a sheet as offices make them (title rows, a two-row merged header,
 * a problem merged over three measure rows, deadlines in words, a formula, blank and note rows), its preview in
 * Chinese by row and column, all-or-nothing versus valid rows only, creating what is missing, and re-import.
 */
@SetupH2Test
class LedgerImportTest {

    @Autowired
    LedgerImportService imports;
    @Autowired
    MeetingService meetings;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    jakarta.persistence.EntityManager em;

    private long meetingId;
    private static final AtomicInteger MEETINGS = new AtomicInteger();

    @BeforeEach
    void newMeeting() {
        fixture.ensure();
        fixture.login(LedgerFixture.OFFICE);
        meetingId = meetings.save(new MeetingService.MeetingDraft(null, null, "导入测试会议" + MEETINGS.incrementAndGet(),
                MeetingKind.DEMOCRATIC_LIFE, fixture.id(LedgerFixture.ROOT), 2025, LocalDate.of(2026, 1, 20), null,
                null, 0, 0, MeetingStatus.RECTIFYING, 15, null, List.of())).getId();
    }

    @AfterEach
    void logout() {
        TestLogin.logout();
    }

    /** The sheet of the issue: header rows 3–4, problem 1 merged over rows 5–7, a blank row, a note at the end. */
    static Path officeSheet(String thirdUnit) throws Exception {
        try (Sheets s = new Sheets()) {
            s.row("2025年度党委领导班子民主生活会检视问题整改台账");
            s.merge(0, 0, 0, 8);
            s.row("填报单位：党委办公室", null, null, null, null, null, null, "截至2026年6月1日");
            s.row("序号", "问题类别", "存在问题", "整改措施", "责任分工", null, "整改时限", "整改进展", "完成情况");
            s.row(null, null, null, null, "责任领导", "责任单位");
            for (int c : new int[] {0, 1, 2, 3, 6, 7, 8}) {
                s.merge(2, 3, c, c);
            }
            s.merge(2, 2, 4, 5);
            s.row(1, "思想", "理论学习不够深入系统，学用结合不紧", "制定年度学习计划", "书记甲", "部门甲", "2026年6月底前",
                    "已制定方案，正在推进", "正在推进");
            s.row(null, null, null, "开展专题研讨", "委员乙", "部门乙", "年底前", null, null);
            s.row(null, null, null, "建立学习台账", "书记甲", thirdUnit, "立行立改", "台账已建立", "已完成");
            s.merge(4, 6, 0, 0).merge(4, 6, 1, 1).merge(4, 6, 2, 2);
            s.blank();
            s.row(new Formula("A5+1"), "作风", "调查研究不够深入", "每月深入基层调研", "委员乙", "部门乙", "长期坚持",
                    "1-5月已调研8次", null);
            s.row(new Formula("A9+1"), "纪律", "执行请示报告制度有偏差", "修订请示报告制度", "书记甲", "部门甲",
                    LocalDate.of(2026, 9, 30), null, null);
            s.row(4, "廉洁", "廉政教育不够经常", "每季度开展警示教育", "书记甲", "部门甲", "2026.12", null, "未开始");
            s.row(5, "思想", "理想信念教育抓得不实", "开展主题党日活动", "委员乙", "部门乙", "2026年9月30日", null, null);
            s.blank();
            s.row("备注：1.本表由党委办公室汇总；2.整改时限按整改方案填写。");
            s.merge(13, 13, 0, 8);
            return s.write();
        }
    }

    @Test
    void anOfficeSheetPreviewsThenImportsWithEveryDeadlineSpelling() throws Exception {
        LedgerImportService.Preview preview = imports.preview(meetingId, officeSheet("支部甲一"),
                LedgerImportService.Options.defaults());
        assertThat(preview.issues()).filteredOn(ImportIssue::error).isEmpty();
        assertThat(preview.headerRow()).isEqualTo(3);
        assertThat(preview.problems()).isEqualTo(5);
        assertThat(preview.measures()).isEqualTo(7);

        AtomicInteger progress = new AtomicInteger();
        LedgerImportService.Result result = imports.commit(preview, LedgerImportService.Options.defaults(),
                progress::set);
        assertThat(result.problems()).isEqualTo(5);
        assertThat(result.measures()).isEqualTo(7);
        assertThat(progress.get()).isEqualTo(5);

        LedgerFilter mine = new LedgerFilter().setMeetingId(meetingId);
        assertThat(ledger.totals(mine).total()).isEqualTo(7);
        assertThat(ledger.totals(mine).closed()).isEqualTo(1);
        List<Measure> rows = ledger.find(mine, null, 0, 50, List.of());
        assertThat(rows).extracting(Measure::getContent).containsExactly("制定年度学习计划", "开展专题研讨",
                "建立学习台账", "每月深入基层调研", "修订请示报告制度", "每季度开展警示教育", "开展主题党日活动");
        assertThat(rows).extracting(Measure::getDeadline).containsExactly(LocalDate.of(2026, 6, 30),
                LocalDate.of(2026, 12, 31), LocalDate.of(2026, 1, 20), null, LocalDate.of(2026, 9, 30),
                LocalDate.of(2026, 12, 31), LocalDate.of(2026, 9, 30));
        assertThat(rows).extracting(Measure::getType).containsExactly(MeasureType.PHASED, MeasureType.PHASED,
                MeasureType.IMMEDIATE, MeasureType.LONG_TERM, MeasureType.PHASED, MeasureType.PHASED,
                MeasureType.PHASED);
        assertThat(rows).extracting(Measure::getStatus).containsExactly(MeasureStatus.IN_PROGRESS,
                MeasureStatus.NOT_STARTED, MeasureStatus.CLOSED, MeasureStatus.IN_PROGRESS,
                MeasureStatus.NOT_STARTED, MeasureStatus.NOT_STARTED, MeasureStatus.NOT_STARTED);
        assertThat(rows.get(0).getProblem().getId()).as("one problem over three measure rows")
                .isEqualTo(rows.get(2).getProblem().getId());
        assertThat(rows).extracting(m -> m.getProblem().getSeqNo()).containsExactly(1, 1, 1, 2, 3, 4, 5);
        assertThat(rows).extracting(m -> m.getProblem().getCategory().getName()).containsExactly("思想", "思想",
                "思想", "作风", "纪律", "廉洁", "思想");
        assertThat(rows.get(0).getProblem().getScope()).isEqualTo(ProblemScope.TEAM);
        assertThat(rows.get(3).getProgressNote()).isEqualTo("1-5月已调研8次");
        assertThat(rows.get(2).getCompletedOn()).as("closed without a date: by its deadline")
                .isEqualTo(LocalDate.of(2026, 1, 20));
    }

    @Test
    void reimportingTheSameFileAddsNothing() throws Exception {
        Path file = officeSheet("支部甲一");
        imports.commit(imports.preview(meetingId, file, LedgerImportService.Options.defaults()),
                LedgerImportService.Options.defaults(), n -> { });
        LedgerImportService.Preview again = imports.preview(meetingId, file, LedgerImportService.Options.defaults());
        assertThat(again.problems()).isZero();
        assertThat(again.measures()).isZero();
        assertThat(again.existing()).isEqualTo(7);
        LedgerImportService.Result result = imports.commit(again, LedgerImportService.Options.defaults(), n -> { });
        assertThat(result.measures()).isZero();
        assertThat(ledger.totals(new LedgerFilter().setMeetingId(meetingId)).total()).isEqualTo(7);
    }

    @Test
    void aNewRowForAnImportedProblemJoinsIt() throws Exception {
        imports.commit(imports.preview(meetingId, officeSheet("支部甲一"), LedgerImportService.Options.defaults()),
                LedgerImportService.Options.defaults(), n -> { });
        Path more;
        try (Sheets s = new Sheets()) {
            s.row("存在问题", "整改措施", "责任领导", "责任单位", "整改时限");
            s.row("调查研究不够深入", "建立调研成果转化清单", "委员乙", "部门乙", "2026-11-30");
            more = s.write();
        }
        LedgerImportService.Preview preview = imports.preview(meetingId, more, LedgerImportService.Options.defaults());
        assertThat(preview.problems()).isZero();
        assertThat(preview.measures()).isEqualTo(1);
        imports.commit(preview, LedgerImportService.Options.defaults(), n -> { });
        List<Measure> rows = ledger.find(new LedgerFilter().setMeetingId(meetingId).setText("调研成果"), null, 0, 5,
                List.of());
        assertThat(rows).singleElement().satisfies(m -> {
            assertThat(m.getProblem().getSeqNo()).isEqualTo(2);
            assertThat(m.getSeqNo()).isEqualTo(2);
        });
    }

    @Test
    void anUnknownUnitIsAnErrorInChineseByRowAndColumnAndNothingIsImported() throws Exception {
        LedgerImportService.Preview preview = imports.preview(meetingId, officeSheet("信息中心"),
                LedgerImportService.Options.defaults());
        assertThat(preview.hasErrors()).isTrue();
        ImportIssue issue = preview.issues().stream().filter(ImportIssue::error).findFirst().orElseThrow();
        RectifyI18NProvider i18n = new RectifyI18NProvider();
        String text = i18n.getTranslation("import.issue.row", Locale.SIMPLIFIED_CHINESE, issue.row()) + " "
                + issue.column() + "："
                + i18n.getTranslation(issue.messageKey(), Locale.SIMPLIFIED_CHINESE, issue.args());
        assertThat(text).isEqualTo("第7行 责任单位：系统中没有“信息中心”");
        assertThat(preview.measures()).as("the valid rows").isEqualTo(6);
        assertThat(preview.invalidRows()).isEqualTo(1);

        assertThatThrownBy(() -> imports.commit(preview, LedgerImportService.Options.defaults(), n -> { }))
                .isInstanceOf(TransferException.class).hasMessage("import.hasErrors");
        assertThat(ledger.totals(new LedgerFilter().setMeetingId(meetingId)).total()).as("all or nothing")
                .isZero();
    }

    @Test
    void theValidRowsOnlyWhenTheOfficeSaysSo() throws Exception {
        LedgerImportService.Options validOnly = new LedgerImportService.Options(false, true,
                org.rectify.ledger.ProblemSource.STUDY, null);
        LedgerImportService.Preview preview = imports.preview(meetingId, officeSheet("信息中心"), validOnly);
        LedgerImportService.Result result = imports.commit(preview, validOnly, n -> { });
        assertThat(result.measures()).isEqualTo(6);
        assertThat(result.skippedInvalid()).isEqualTo(1);
        assertThat(ledger.totals(new LedgerFilter().setMeetingId(meetingId)).total()).isEqualTo(6);
    }

    @Test
    void theOfficeMayCreateWhatTheSheetNamesButThePortalLacks() throws Exception {
        LedgerImportService.Options create = new LedgerImportService.Options(true, false,
                org.rectify.ledger.ProblemSource.STUDY, null);
        LedgerImportService.Preview preview = imports.preview(meetingId, officeSheet("网络信息中心"), create);
        assertThat(preview.hasErrors()).isFalse();
        assertThat(preview.missing()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MissingReference.Kind.UNIT);
            assertThat(m.name()).isEqualTo("网络信息中心");
            assertThat(m.rows()).containsExactly(7);
        });
        LedgerImportService.Result result = imports.commit(preview, create, n -> { });
        assertThat(result.measures()).isEqualTo(7);
        assertThat(result.createdReferences()).isEqualTo(1);
        assertThat(ledger.find(new LedgerFilter().setMeetingId(meetingId).setText("学习台账"), null, 0, 5, List.of()))
                .singleElement().satisfies(m -> assertThat(m.getUnit().getName()).isEqualTo("网络信息中心"));
    }

    @Autowired
    TemplateService templates;

    @Test
    void aHeadingRowSetsTheCategoryAndALoneMeasureCellContinuesTheProblemAbove() throws Exception {
        Path file;
        try (Sheets s = new Sheets()) {
            s.row("存在问题", "整改措施", "责任领导", "责任单位", "整改时限");
            s.row("（一）作风方面");
            s.merge(1, 1, 0, 4);
            s.row("会议文件多、篇幅长", "精简会议文件", "书记甲", "部门甲", "2026-09-30");
            s.row(null, "压缩发文数量");
            s.row("二、纪律方面");
            s.row("请假制度执行不严", "修订请假制度", "委员乙", "部门乙", "年底前");
            file = s.write();
        }
        LedgerImportService.Preview preview = imports.preview(meetingId, file, LedgerImportService.Options.defaults());
        assertThat(preview.issues()).filteredOn(ImportIssue::error).extracting(i -> i.row() + " " + i.column()
                + " " + i.messageKey()).containsExactly(
                "4 整改时限 import.deadlineRequired", "4 责任领导 measure.leaderRequired",
                "4 责任单位 validation.requiredField");
        assertThat(preview.measures()).as("the lone measure row is read, and found incomplete").isEqualTo(2);
        imports.commit(preview, new LedgerImportService.Options(false, true,
                org.rectify.ledger.ProblemSource.STUDY, null), n -> { });
        List<Measure> rows = ledger.find(new LedgerFilter().setMeetingId(meetingId), null, 0, 10, List.of());
        assertThat(rows).extracting(m -> m.getProblem().getCategory().getName()).containsExactly("作风", "纪律");
    }

    @Test
    void theTemplateHasTheLedgerColumnsDropDownsAndInstructionsAndImportsAsNothing() throws Exception {
        byte[] bytes = templates.ledgerTemplate();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(bytes))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("整改台账");
            assertThat(wb.getSheet("填写说明").getRow(0).getCell(0).getStringCellValue()).contains("一行一条整改措施");
            assertThat(wb.isSheetHidden(wb.getSheetIndex("选项"))).isTrue();
            org.apache.poi.ss.usermodel.Row header = wb.getSheetAt(0).getRow(0);
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("存在问题");
            assertThat(header.getCell(11).getStringCellValue()).isEqualTo("整改时限");
            assertThat(wb.getSheetAt(0).getDataValidations()).extracting(v -> v.getValidationConstraint()
                    .getFormula1()).contains("list_category", "list_type", "list_unit", "list_leader");
            assertThat(wb.getName("list_unit").getRefersToFormula()).startsWith("'选项'!");
        }
        java.nio.file.Path file = java.nio.file.Files.createTempFile("template-", ".xlsx");
        java.nio.file.Files.write(file, bytes);
        LedgerImportService.Preview preview = imports.preview(meetingId, file, LedgerImportService.Options.defaults());
        assertThat(preview.problems()).isZero();
        assertThat(preview.hasErrors()).isFalse();
    }

    @Test
    void rowErrorsPointAtTheirCell() throws Exception {
        Path file;
        try (Sheets s = new Sheets()) {
            s.row("问题描述", "整改措施", "责任领导", "责任单位", "完成时限", "整改类型");
            s.row("问题甲", "措施甲", "联络员甲", "部门甲", "2026-06-30", null);
            s.row("问题乙", "措施乙", "书记甲", "部门甲", "尽快", null);
            s.row("问题丙", "措施丙", "书记甲", "部门甲", "2025-12-31", null);
            s.row("问题丁", "措施丁", "无名氏", "部门甲", "2026-06-30", "阶段性整改");
            s.row("问题戊", "", "书记甲", "部门甲", "2026-06-30", null);
            s.row("问题己", "措施己", "书记甲", "部门甲", "", "短平快");
            file = s.write();
        }
        LedgerImportService.Preview preview = imports.preview(meetingId, file, new LedgerImportService.Options(
                false, false, org.rectify.ledger.ProblemSource.STUDY, fixture.categoryId("思想")));
        assertThat(preview.issues()).filteredOn(ImportIssue::error)
                .extracting(i -> i.row() + " " + i.column() + " " + i.messageKey())
                .containsExactly(
                        "2 责任领导 import.notCommittee",
                        "3 完成时限 import.deadline.unknown",
                        "4 完成时限 measure.deadlineBeforeMeeting",
                        "5 责任领导 import.unknownLeader",
                        "6 整改措施 validation.requiredField",
                        "7 整改类型 import.typeUnknown");
    }

    @Test
    void cellsOfOnlyInvisibleCharactersAreEmpty() throws Exception {
        Path file;
        try (Sheets s = new Sheets()) {
            s.row("问题描述", "整改措施", "责任领导", "责任单位", "完成时限", "整改类型");
            s.row("问题甲", "\u200B\u00A0", "书记甲", "部门甲", "2026-06-30", null);
            s.row("\u2060\uFEFF", "措施乙", "书记甲", "部门甲", "2026-06-30", null);
            s.row("\u3000问题丙\u200B", "\u00A0措施丙", "书记甲", "\u200B部门甲", "2026-06-30", null);
            file = s.write();
        }
        LedgerImportService.Options validOnly = new LedgerImportService.Options(false, true,
                org.rectify.ledger.ProblemSource.STUDY, fixture.categoryId("思想"));
        LedgerImportService.Preview preview = imports.preview(meetingId, file, validOnly);
        assertThat(preview.issues()).filteredOn(ImportIssue::error)
                .extracting(i -> i.row() + " " + i.column() + " " + i.messageKey())
                .containsExactly("2 整改措施 validation.requiredField", "3 问题描述 validation.requiredField");

        imports.commit(preview, validOnly, n -> { });
        List<Measure> rows = ledger.find(new LedgerFilter().setMeetingId(meetingId), null, 0, 10, List.of());
        assertThat(rows).extracting(m -> m.getProblem().getDescription(), Measure::getContent,
                m -> m.getUnit().getCode()).as("only the valid row, its texts stripped")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("问题丙", "措施丙", LedgerFixture.A));
    }
}
