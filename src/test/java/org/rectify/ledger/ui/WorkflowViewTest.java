package org.rectify.ledger.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.testing.TestConfig.TODAY;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.ledger.MeasureRepository;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.RectificationService;
import org.rectify.testing.WorkflowH2Test;
import org.rectify.testing.Karibu;
import org.rectify.testing.LedgerFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The workflow through the real views (Karibu-Testing): a unit contact reports progress with a file and applies
 * for closing, the office closes, the timeline shows each step; and every kind of bad input gets a clear message.
 */
@WorkflowH2Test
class WorkflowViewTest {

    private static final byte[] PDF = "%PDF-1.4\n%minimal test file\n".getBytes();

    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    MeasureRepository measures;
    @Autowired
    RectificationService workflow;
    @Autowired
    org.rectify.ledger.LedgerService ledger;

    @BeforeEach
    void setUp() {
        fixture.login(LedgerFixture.CONTACT_A);
        Karibu.start(context);
    }

    @AfterEach
    void tearDown() {
        Karibu.stop();
    }

    private static void open(long id) {
        UI.getCurrent().navigate("ledger/item/" + id);
    }

    private static String page() {
        return BasicUtilsKt.get_textRecursively(_get(MeasureDetailView.class));
    }

    private static void click(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    private static Dialog dialog() {
        return _get(Dialog.class);
    }

    private static TextArea area(String label) {
        return _get(dialog(), TextArea.class, spec -> spec.withLabel(label));
    }

    private static String dialogError() {
        return _get(dialog(), Div.class, spec -> spec.withId("action-error")).getText();
    }

    private MeasureStatus status(long id) {
        return measures.findById(id).orElseThrow().getStatus();
    }

    @Test
    void aContactReportsAndAppliesTheOfficeClosesAndTheTimelineShowsEachStep() {
        long id = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, MeasureType.PHASED, TODAY.plusDays(10));
        open(id);
        assertThat(_find(Button.class, spec -> spec.withId("action-close"))).as("not for a contact").isEmpty();

        click("action-progress");
        _setValue(area("整改进展"), "已召开专题会议，制定整改方案");
        _setValue(_get(dialog(), IntegerField.class), 60);
        UploadKt._upload(_get(dialog(), Upload.class), "专题会议纪要.pdf", "application/pdf", PDF);
        MockVaadin.clientRoundtrip();
        click("action-submit");
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(status(id)).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(page()).contains("报送进展", "进度：60%", "已召开专题会议，制定整改方案");
        assertThat(_find(Anchor.class)).extracting(Anchor::getText)
                .contains("专题会议纪要.pdf (" + PDF.length + " B)");

        click("action-requestClose");
        _setValue(area("完成情况说明"), "整改方案已全部落实");
        click("action-submit");
        assertThat(status(id)).isEqualTo(MeasureStatus.PENDING_CLOSE);
        assertThat(_find(Button.class, spec -> spec.withId("action-progress"))).isEmpty();

        fixture.login(LedgerFixture.OFFICE);
        open(id);
        click("action-close");
        _setValue(area("核验意见"), "经核验，整改到位");
        click("action-submit");
        assertThat(status(id)).isEqualTo(MeasureStatus.CLOSED);
        List<String> kinds = _find(Div.class, spec -> spec.withClasses("timeline-entry")).stream()
                .map(d -> ((com.vaadin.flow.component.html.Span) d.getChildren().findFirst().orElseThrow()
                        .getChildren().findFirst().orElseThrow()).getText())
                .toList();
        assertThat(kinds).as("newest first").containsExactly("销号", "申请销号", "报送进展");
        assertThat(page()).contains("状态：申请销号 → 已销号", "经核验，整改到位", "联络员甲", "办公室");
    }

    @Test
    void aSentBackItemShowsTheProgressOfItsLastAcceptedReportEverywhere() {
        long id = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, MeasureType.PHASED, TODAY.plusDays(10));
        open(id);
        click("action-progress");
        _setValue(area("整改进展"), "已制定整改方案");
        _setValue(_get(dialog(), IntegerField.class), 40);
        UploadKt._upload(_get(dialog(), Upload.class), "方案.pdf", "application/pdf", PDF);
        MockVaadin.clientRoundtrip();
        click("action-submit");
        click("action-requestClose");
        _setValue(area("完成情况说明"), "整改已全部完成");
        click("action-submit");
        assertThat(measures.findById(id).orElseThrow().getProgress()).isEqualTo(100);

        fixture.login(LedgerFixture.OFFICE);
        workflow.sendBack(id, measures.findById(id).orElseThrow().getVersion(), "佐证材料不足");
        open(id);
        assertThat(status(id)).isEqualTo(MeasureStatus.RETURNED);
        Div card = _get(Div.class, spec -> spec.withClasses("measure-card current"));
        String text = BasicUtilsKt.get_textRecursively(_get(card, Div.class, spec -> spec.withClasses("progress")));
        assertThat(text).as("the item page").isEqualTo("整改进度 40%");
        assertThat(BasicUtilsKt.get_textRecursively(_get(Div.class, spec -> spec.withClasses("progress-note"))))
                .contains("已制定整改方案").doesNotContain("整改已全部完成");
        org.rectify.ledger.Measure row = ledger.rows(List.of(id)).get(0);
        assertThat(row.getProgress()).as("the ledger's row").isEqualTo(40);
        assertThat(row.getProgressNote()).isEqualTo("已制定整改方案");
    }

    private static String entry(String kind) {
        return BasicUtilsKt.get_textRecursively(_get(Div.class, spec -> spec.withClasses("kind-" + kind)));
    }

    @Test
    void anExtensionRequestAsksForADateAndOnlyTheDecisionSaysWhatBecameOfTheDeadline() {
        java.time.LocalDate before = TODAY.plusDays(10);
        java.time.LocalDate asked = TODAY.plusDays(40);
        long approved = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, MeasureType.PHASED, before);
        long refused = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, MeasureType.PHASED, before);
        long first = workflow.requestExtension(approved, measures.findById(approved).orElseThrow().getVersion(), asked,
                "需协调外部单位").getId();
        long second = workflow.requestExtension(refused, measures.findById(refused).orElseThrow().getVersion(), asked,
                "需协调外部单位").getId();
        open(approved);
        assertThat(entry("extension-requested")).as("undecided: a request, not a change")
                .contains("申请延至 " + MeasureBadges.date(asked)).doesNotContain("→");

        fixture.login(LedgerFixture.OFFICE);
        workflow.decideExtension(first, measures.findById(approved).orElseThrow().getVersion(), true, null);
        workflow.decideExtension(second, measures.findById(refused).orElseThrow().getVersion(), false, "理由不充分");
        open(approved);
        assertThat(entry("extension-requested")).contains("申请延至 " + MeasureBadges.date(asked))
                .doesNotContain("→");
        assertThat(entry("extension-approved")).contains("整改时限：" + MeasureBadges.date(before) + " → "
                + MeasureBadges.date(asked));
        open(refused);
        assertThat(entry("extension-refused")).contains("未同意延至 " + MeasureBadges.date(asked) + "，整改时限仍为 "
                + MeasureBadges.date(before), "理由不充分").doesNotContain("→");
        assertThat(measures.findById(refused).orElseThrow().getDeadline()).isEqualTo(before);
    }

    @Test
    void scriptTagsInTextAreShownAsText() {
        long id = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, MeasureType.PHASED, TODAY.plusDays(10));
        open(id);
        click("action-progress");
        _setValue(area("整改进展"), "<script>alert('x')</script><b>加粗</b>");
        click("action-submit");
        List<Paragraph> notes = _find(Paragraph.class,
                spec -> spec.withText("<script>alert('x')</script><b>加粗</b>"));
        assertThat(notes).as("the item's latest progress and its timeline entry").hasSize(2);
        for (Paragraph note : notes) {
            assertThat(note.getElement().getChildCount()).isEqualTo(1);
            assertThat(note.getElement().getChild(0).isTextNode()).as("a text node, no HTML elements").isTrue();
            assertThat(note.getElement().getProperty("innerHTML")).isNull();
        }
    }

    @Test
    void overLongTextIsRefusedInTheDialogAndNothingIsSaved() {
        long id = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, MeasureType.PHASED, TODAY.plusDays(10));
        int version = measures.findById(id).orElseThrow().getVersion();
        open(id);
        click("action-progress");
        _setValue(area("整改进展"), "字".repeat(2001));
        click("action-submit");
        assertThat(dialogError()).isEqualTo("“整改进展”不能超过 2000 个字。");
        _setValue(area("整改进展"), " ");
        click("action-submit");
        assertThat(dialogError()).isEqualTo("请填写“整改进展”。");
        assertThat(measures.findById(id).orElseThrow().getVersion()).isEqualTo(version);
    }

    @Test
    void aNoteOfOnlyInvisibleCharactersIsRefusedInTheDialogAndNothingIsSaved() {
        long id = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, MeasureType.PHASED, TODAY.plusDays(10));
        int version = measures.findById(id).orElseThrow().getVersion();
        open(id);
        click("action-progress");
        for (String blank : new String[] {"\u00A0", "\u200B", "\u00A0\u200B\uFEFF", "\u2060"}) {
            _setValue(area("整改进展"), blank);
            click("action-submit");
            assertThat(dialogError()).as("U+%04X", (int) blank.charAt(0)).isEqualTo("请填写“整改进展”。");
        }
        assertThat(_find(Dialog.class)).as("the dialog stays open with the message").hasSize(1);
        assertThat(measures.findById(id).orElseThrow().getVersion()).isEqualTo(version);
    }

    @Test
    void wrongAndOversizedFilesAreRefusedWithAClearMessage() {
        long id = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, MeasureType.PHASED, TODAY.plusDays(10));
        open(id);
        click("action-progress");
        EvidenceUpload upload = _get(dialog(), EvidenceUpload.class);
        UploadKt._upload(upload.upload(), "setup.exe", "application/octet-stream", new byte[] {'M', 'Z', 0, 1});
        UploadKt._upload(upload.upload(), "报告.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 1});
        byte[] big = new byte[70 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        UploadKt._upload(upload.upload(), "大文件.pdf", "application/pdf", big);
        MockVaadin.clientRoundtrip();
        assertThat(upload.files()).isEmpty();
        assertThat(upload.refusals()).containsExactly(
                "“setup.exe”的文件类型不允许，只能上传 pdf、doc、docx、xls、xlsx、jpg、png。",
                "“报告.pdf”的内容与扩展名不符，已拒收。",
                "“大文件.pdf”超过 64 KB 的大小限制。");
    }

    @Test
    void aStaleFormIsRefusedWithAClearMessage() {
        long id = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, MeasureType.PHASED, TODAY.plusDays(10));
        open(id);
        click("action-progress");
        _setValue(area("整改进展"), "我的进展");
        // Meanwhile the office urges the same item.
        fixture.login(LedgerFixture.OFFICE);
        workflow.urge(id, measures.findById(id).orElseThrow().getVersion(), "书记甲", TODAY, "请加快进度");
        fixture.login(LedgerFixture.CONTACT_A);
        click("action-submit");
        assertThat(dialogError()).isEqualTo("该事项已被他人修改，请刷新页面后重试。您的内容未保存。");
        assertThat(measures.findById(id).orElseThrow().getProgressNote()).isNull();
    }

    @Test
    void anotherUnitsItemTypedIntoTheUrlIsRefused() {
        long other = fixture.freshItem(LedgerFixture.B, LedgerFixture.MEMBER, MeasureType.PHASED, TODAY.plusDays(10));
        open(other);
        assertThat(_get(Div.class, spec -> spec.withId("refused")).getElement().getTextRecursively())
                .contains("无权查看").doesNotContain("部门乙");
        assertThat(_find(Button.class, spec -> spec.withId("action-progress"))).isEmpty();
    }

    @Test
    void aLeaderActsOnlyOnTheItemsTheyLead() {
        long own = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, MeasureType.PHASED, TODAY.plusDays(9));
        long others = fixture.freshItem(LedgerFixture.B, LedgerFixture.MEMBER, MeasureType.PHASED, TODAY.plusDays(9));
        fixture.login(LedgerFixture.LEADER_SECRETARY);
        open(own);
        assertThat(_find(Button.class, spec -> spec.withId("action-urge"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("action-progress"))).hasSize(1);
        open(others);
        assertThat(page()).contains("测试措施");
        assertThat(_find(Button.class, spec -> spec.withId("action-urge"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("action-progress"))).isEmpty();
    }

    @Test
    void aPartyMemberCannotOpenTheLedger() {
        fixture.login(LedgerFixture.PARTY_MEMBER);
        UI.getCurrent().navigate("ledger");
        org.rectify.testing.Refusal.assertRefused();
        UI.getCurrent().navigate("");
        _get(org.rectify.disclosure.ui.DisclosureView.class);
    }
}
