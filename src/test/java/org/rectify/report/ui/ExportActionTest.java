package org.rectify.report.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.MeasureStatus;
import org.rectify.testing.H2Test;
import org.rectify.testing.Karibu;
import org.rectify.testing.LedgerFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The ledger's 导出Excel button exports what the ledger shows, in the user's scope, through the real view. */
@H2Test
class ExportActionTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    LedgerService ledger;

    @AfterEach
    void tearDown() {
        Karibu.stop();
    }

    private Path exportFrom(String user, String query) throws InterruptedException {
        fixture.login(user);
        Karibu.start(context);
        UI.getCurrent().navigate("ledger", QueryParameters.fromString(query));
        _click(_get(Button.class, spec -> spec.withId("export-ledger")));
        ExportDialog dialog = _get(ExportDialog.class);
        // The export runs on another thread; its result reaches the UI through UI.access, run at a round trip.
        for (int i = 0; i < 200 && _find(Anchor.class, spec -> spec.withId("export-download")).isEmpty(); i++) {
            Thread.sleep(50);
            MockVaadin.clientRoundtrip();
        }
        assertThat(_find(Anchor.class, spec -> spec.withId("export-download"))).as("download offered").hasSize(1);
        return dialog.file();
    }

    private static List<String> column(Path file, int col, List<String> subtitle) throws Exception {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            subtitle.add(f.formatCellValue(s.getRow(1).getCell(0)));
            List<String> values = new ArrayList<>();
            for (int r = 3; r <= s.getLastRowNum(); r++) {
                var cell = s.getRow(r).getCell(col);
                values.add(cell == null ? "" : f.formatCellValue(cell));
            }
            return values;
        }
    }

    @Test
    void theFilteredUngroupedLedgerIsWhatIsExported() throws Exception {
        Path file = exportFrom(LedgerFixture.OFFICE, "status=IN_PROGRESS&group=NONE");
        List<String> subtitle = new ArrayList<>();
        List<String> measures = column(file, 3, subtitle);
        fixture.login(LedgerFixture.OFFICE);
        List<String> shown = ledger.find(new LedgerFilter().setStatus(MeasureStatus.IN_PROGRESS), null, 0, 1000,
                List.of()).stream().map(m -> m.getContent()).toList();
        assertThat(shown).isNotEmpty();
        assertThat(measures).containsExactlyElementsOf(shown);
        assertThat(subtitle.get(0)).startsWith("状态：整改中").contains("截至");
    }

    @Test
    void aContactExportsOnlyTheirUnitsItems() throws Exception {
        Path file = exportFrom(LedgerFixture.CONTACT_A, "group=NONE");
        List<String> units = column(file, 5, new ArrayList<>());
        assertThat(units).isNotEmpty().allMatch(u -> u.equals("部门甲") || u.equals("支部甲一"),
                "部门甲 and its branch only");
    }
}
