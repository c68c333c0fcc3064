package org.rectify.report.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.testing.TestConfig.TODAY;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.meeting.ui.MeetingView;
import org.rectify.testing.H2Test;
import org.rectify.testing.Karibu;
import org.rectify.testing.LedgerFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The meeting page's reports through the real views: the three lists, this year's and last year's 通报. */
@H2Test
class ReportViewsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerFixture fixture;

    @BeforeEach
    void setUp() {
        fixture.login(LedgerFixture.OFFICE);
        Karibu.start(context);
    }

    @AfterEach
    void tearDown() {
        Karibu.stop();
    }

    private static String paper() {
        return _get(Div.class, spec -> spec.withId("bulletin-paper")).getElement().getTextRecursively();
    }

    @Test
    void lastYearsReportIsOneClickFromTheNewMeeting() {
        UI.getCurrent().navigate(MeetingView.class, fixture.id(LedgerFixture.CURRENT_MEETING));
        _click(_get(Button.class, spec -> spec.withId("bulletin-previous")));
        assertThat(_get(BulletinView.class)).isNotNull();
        assertThat(paper()).startsWith("关于测试党委" + LedgerFixture.LAST_MEETING + "整改落实情况的通报")
                .contains("各党支部、机关各部门：", "截至2026年6月15日", "测试党委2026年6月15日");
        // Last year's ledger: one problem, two measures, one of them overdue since 2025-12-31.
        assertThat(paper()).contains("共制定整改措施2项", "超过整改时限尚未完成1项", "M-LAST-OVERDUE");

        _setValue(_get(TextField.class, spec -> spec.withId("bulletin-recipient")), "机关各部门");
        _setValue(_get(TextField.class, spec -> spec.withId("bulletin-signer")), "测试党委办公室");
        assertThat(paper()).contains("机关各部门：", "测试党委办公室2026年6月15日");
        assertThat(_get(Anchor.class, spec -> spec.withId("bulletin-download")).isEnabled()).isTrue();
    }

    @Test
    void aDayOutsideTheRecordFallsBackToWhatIsKnown() {
        long meeting = fixture.id(LedgerFixture.CURRENT_MEETING);
        UI.getCurrent().navigate("reports/bulletin/" + meeting, QueryParameters.fromString("asOf=2030-01-01"));
        DatePicker asOf = _get(DatePicker.class, spec -> spec.withId("bulletin-as-of"));
        assertThat(asOf.getValue()).isEqualTo(TODAY);
        assertThat(asOf.getMax()).isEqualTo(TODAY);
        // The fixture's ledger entered the portal today: no earlier day can be reported.
        assertThat(asOf.getMin()).isEqualTo(TODAY);
        assertThat(paper()).contains("关于测试党委" + LedgerFixture.CURRENT_MEETING + "整改落实情况的通报");
    }

    @Test
    void theThreeListsDownloadFromTheMeetingPage() throws Exception {
        UI.getCurrent().navigate(MeetingView.class, fixture.id(LedgerFixture.CURRENT_MEETING));
        _click(_get(Button.class, spec -> spec.withId("three-lists")));
        ExportDialog dialog = _get(ExportDialog.class);
        for (int i = 0; i < 200 && _find(Anchor.class, spec -> spec.withId("export-download")).isEmpty(); i++) {
            Thread.sleep(50);
            MockVaadin.clientRoundtrip();
        }
        Path file = dialog.file();
        assertThat(file).isNotNull();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(wb.getSheetAt(2).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("测试党委" + LedgerFixture.CURRENT_MEETING + "整改落实清单");
        }
        dialog.close();
        assertThat(Files.exists(file)).as("the temporary file goes with the dialog").isFalse();
    }
}
