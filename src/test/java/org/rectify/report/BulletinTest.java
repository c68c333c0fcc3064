package org.rectify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rectify.testing.TestConfig.TODAY;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.base.InvalidActionException;
import org.rectify.ledger.LedgerFilter;
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
import org.rectify.ledger.RectificationService;
import org.rectify.meeting.MeetingKind;
import org.rectify.meeting.MeetingService;
import org.rectify.meeting.MeetingStatus;
import org.rectify.org.Unit;
import org.rectify.org.UnitKind;
import org.rectify.orgadmin.UnitAdminService;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.MutableClock;
import org.rectify.testing.SetupH2Test;
import org.rectify.testing.TestLogin;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 整改落实情况通报 for a known ledger: the numbers (problems counted as problems, not measures), the parts of an
 * official notice in the Word file, and the same content for a past day before and after later changes.
 */
@SetupH2Test
class BulletinTest {

    @Autowired
    BulletinService bulletins;
    @Autowired
    ProblemService problems;
    @Autowired
    MeetingService meetings;
    @Autowired
    LedgerService ledger;
    @Autowired
    RectificationService workflow;
    @Autowired
    UnitAdminService unitAdmin;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    MutableClock clock;

    private long meetingId;
    private Unit unit;

    @BeforeEach
    void knownLedger() {
        fixture.ensure();
        fixture.login(LedgerFixture.OFFICE);
        long tag = System.nanoTime() % 1000000;
        unit = unitAdmin.create(new UnitAdminService.UnitDraft("通报测试科" + tag, "T-BUL-" + tag, UnitKind.DEPARTMENT,
                fixture.id(LedgerFixture.A)));
        meetingId = meetings.save(new MeetingService.MeetingDraft(null, null, "2025年度通报测试会" + System.nanoTime(),
                MeetingKind.DEMOCRATIC_LIFE, fixture.id(LedgerFixture.ROOT), 2025, LocalDate.of(2026, 1, 20), null,
                null, 0, 0, MeetingStatus.RECTIFYING, 15, null, List.of())).getId();
        long secretary = fixture.id(LedgerFixture.SECRETARY);
        long member = fixture.id(LedgerFixture.MEMBER);
        long a = fixture.id(LedgerFixture.A);
        long b = fixture.id(LedgerFixture.B);
        problems.importProblems(meetingId, List.of(
                problem(ProblemScope.TEAM, null, "思想", "理论学习不够深入",
                        measure("建立学习制度", secretary, a, MeasureType.IMMEDIATE, LocalDate.of(2026, 2, 1),
                                MeasureStatus.CLOSED, LocalDate.of(2026, 1, 30)),
                        measure("开展专题调研", secretary, unit.getId(), MeasureType.PHASED, TODAY.minusDays(10),
                                MeasureStatus.IN_PROGRESS, null)),
                problem(ProblemScope.TEAM, null, "作风", "会议文件偏多",
                        measure("精简会议文件", secretary, b, MeasureType.IMMEDIATE, LocalDate.of(2026, 3, 1),
                                MeasureStatus.CLOSED, LocalDate.of(2026, 2, 20))),
                problem(ProblemScope.INDIVIDUAL, member, "能力", "抓落实不够有力",
                        measure("建立落实台账", member, b, MeasureType.LONG_TERM, null, MeasureStatus.IN_PROGRESS,
                                null)),
                problem(ProblemScope.INDIVIDUAL, member, "作风", "联系群众不够",
                        measure("每季度下基层", member, a, MeasureType.PHASED, TODAY.plusDays(30),
                                MeasureStatus.NOT_STARTED, null))), n -> { });
        workflow.urge(measure("开展专题调研").getId(), measure("开展专题调研").getVersion(), "党办", TODAY, "请加快推进");
    }

    @AfterEach
    void back() {
        clock.reset();
        TestLogin.logout();
    }

    private ImportedProblem problem(ProblemScope scope, Long member, String category, String text,
            ImportedMeasure... measures) {
        return new ImportedProblem(null, scope, member, ProblemSource.STUDY, fixture.categoryId(category),
                text, null, List.of(measures));
    }

    private static ImportedMeasure measure(String content, long leader, long unit, MeasureType type,
            LocalDate deadline, MeasureStatus status, LocalDate completedOn) {
        return new ImportedMeasure(new MeasureDraft(null, null, content, leader, unit, null, type, deadline), status,
                status == MeasureStatus.CLOSED ? 100 : status == MeasureStatus.IN_PROGRESS ? 50 : 0, null, null,
                completedOn, null, null);
    }

    private Measure measure(String content) {
        return ledger.find(new LedgerFilter().setMeetingId(meetingId), null, 0, 50, List.of()).stream()
                .filter(m -> m.getContent().equals(content)).findFirst().orElseThrow();
    }

    private Bulletin compose(LocalDate asOf) {
        return bulletins.compose(meetingId, asOf, bulletins.defaultLetterhead(meetingId, asOf));
    }

    /** The Word file's text: paragraphs as lines, table rows as tab-separated lines (the same as plainText()). */
    private String word(Bulletin b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bulletins.writeWord(b, out);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            StringBuilder s = new StringBuilder();
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p && !p.getText().isEmpty()) {
                    s.append(p.getText()).append('\n');
                } else if (e instanceof XWPFTable t) {
                    s.append(t.getRows().stream().map(r -> r.getTableCells().stream().map(c -> c.getText())
                            .collect(Collectors.joining("\t"))).collect(Collectors.joining("\n"))).append('\n');
                }
            }
            return s.toString();
        }
    }

    @Test
    void theNumbersAreTheLedgersAndTheSentenceCountsProblems() throws Exception {
        Bulletin b = compose(TODAY);
        String text = word(b);
        assertThat(text).startsWith("关于测试党委2025年度通报测试会").contains("整改落实情况的通报\n各党支部、机关各部门：\n");
        assertThat(text).contains("针对领导班子检视查摆出来的2个问题和1名班子成员检视出来的2个问题，共制定整改措施5项");
        // Measures by type would say 2 / 2 / 1: the sentence counts problems, each of its longest measure's type.
        assertThat(text).contains("截至2026年6月15日，已整改即知即改类问题1个，正在落实阶段性整改问题2个、长期整改问题1个。");
        assertThat(text).contains("整改措施已销号2项，正在推进3项，完成率40%；其中超过整改时限尚未完成1项。");
        assertThat(text).contains("即知即改\t2\t2\t0\t100%", "合计\t5\t2\t3\t40%");
        assertThat(text).contains(unit.getName() + "（1项）存在逾期未完成事项");
        assertThat(text).contains("1. " + unit.getName() + "承担的“开展专题调研”（第1个问题，责任领导" + LedgerFixture.SECRETARY
                + "），整改时限" + TODAY.minusDays(10) + "，已逾期10天。督办及处理情况：" + TODAY + "由党办督办（请加快推进）。");
        assertThat(text).contains("领导班子检视问题2个，已整改到位1个；班子成员个人检视问题2个，已整改到位0个。");
        assertThat(text).contains("2\t作风\t会议文件偏多\t领导班子\t1\t1\t已整改到位",
                "1\t思想\t理论学习不够深入\t领导班子\t2\t1\t整改中（逾期1项）");
        assertThat(text).endsWith("测试党委\n2026年6月15日\n");
        assertThat(text).as("the Word file says what the screen says").isEqualTo(b.plainText());
    }

    @Test
    void theWordFileIsAnOfficialNotice() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bulletins.writeWord(compose(TODAY), out);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            var sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW()).hasToString("11906");
            assertThat(sect.getPgMar().getTop()).hasToString("2098");
            XWPFParagraph title = doc.getParagraphs().get(0);
            assertThat(title.getAlignment()).isEqualTo(org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER);
            assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);
            XWPFParagraph body = doc.getParagraphs().get(2);
            assertThat(body.getIndentationFirstLine()).isEqualTo(640);
            assertThat(body.getRuns().get(0).getFontFamily(org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo("仿宋_GB2312");
            assertThat(doc.getFooterList()).hasSize(1);
            assertThat(doc.getFooterList().get(0).getParagraphs().get(0).getCTP().xmlText()).contains("PAGE");
            assertThat(doc.getTables()).hasSize(3);
            assertThat(doc.getTables().get(0).getRow(0).isRepeatHeader()).isTrue();
        }
    }

    @Test
    void aPastDaysNoticeSaysTheSameAfterLaterChanges() throws Exception {
        Bulletin before = compose(TODAY);
        String beforeWord = word(before);

        clock.advance(Duration.ofDays(1));
        Measure late = measure("开展专题调研");
        workflow.urge(late.getId(), late.getVersion(), "党办", TODAY.plusDays(1), "再次督办");
        fixture.login(LedgerFixture.CONTACT_A);
        late = measure("开展专题调研");
        var request = workflow.requestExtension(late.getId(), late.getVersion(), TODAY.plusDays(20), "需补充调研");
        fixture.login(LedgerFixture.OFFICE);
        workflow.decideExtension(request.getId(), measure("开展专题调研").getVersion(), true, "同意");
        Measure longTerm = measure("建立落实台账");
        unitAdmin.update(unit.getId(), unit.getVersion(), new UnitAdminService.UnitDraft(unit.getName() + "（更名）",
                unit.getCode(), UnitKind.DEPARTMENT, fixture.id(LedgerFixture.A)));
        problems.importProblems(meetingId, List.of(problem(ProblemScope.TEAM, null, "纪律", "后加的问题",
                measure("后加的措施", fixture.id(LedgerFixture.SECRETARY), fixture.id(LedgerFixture.B),
                        MeasureType.IMMEDIATE, TODAY.plusDays(5), MeasureStatus.NOT_STARTED, null))), n -> { });
        assertThat(longTerm).isNotNull();

        Bulletin again = compose(TODAY);
        assertThat(again.plainText()).isEqualTo(before.plainText());
        assertThat(word(again)).isEqualTo(beforeWord);

        String now = compose(TODAY.plusDays(1)).plainText();
        assertThat(now).as("the new day sees the changes").contains("共制定整改措施6项", unit.getName() + "（更名）",
                "无逾期未完成事项", "截至2026年6月16日").doesNotContain("尚未完成1项");
    }

    @Test
    void onlyDaysFromTheMeetingToTodayAndOnlyTheOfficeAndLeaders() {
        assertThatThrownBy(() -> compose(TODAY.plusDays(1))).isInstanceOf(InvalidActionException.class);
        assertThatThrownBy(() -> compose(LocalDate.of(2026, 1, 19))).isInstanceOf(InvalidActionException.class);
        fixture.login(LedgerFixture.CONTACT_A);
        assertThatThrownBy(() -> compose(TODAY)).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
