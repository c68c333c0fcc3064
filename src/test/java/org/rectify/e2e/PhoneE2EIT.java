package org.rectify.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureRepository;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A unit contact on a 375×812 phone (touch, mobile viewport): finds an item in the ledger's card list, reports
 * progress with a photo from the camera button, sees the photo as a thumbnail and logs out from the user menu.
 * Nothing on the way may need a sideways swipe. The ledger's screenshot is kept in docs/ for the README.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rectify-e2e-phone;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "rectify.demo-data=true", "rectify.evidence.dir=target/e2e-evidence-phone",
        // The picture kept in docs/ shows the portal, not the development-mode notice.
        "vaadin.devmode.devTools.enabled=false"})
class PhoneE2EIT {

    private static final int WIDTH = 375;

    @LocalServerPort
    int port;

    @Autowired
    MeasureRepository measures;

    @Autowired
    TransactionTemplate tx;

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** The page is no wider than the phone: nothing hides beyond its right edge. */
    private static void fitsTheWidth(Page page, String where) {
        Object width = page.evaluate("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
        assertThat(((Number) width).intValue()).as("page width on " + where).isLessThanOrEqualTo(WIDTH);
    }

    @Test
    void aContactReportsProgressWithAPhotoAndLogsOutOnAPhone() throws java.io.IOException {
        Measure own = tx.execute(s -> measures.findAll().stream()
                .filter(m -> m.getUnit().getCode().equals("ZRK") && m.getStatus() == MeasureStatus.IN_PROGRESS
                        && m.getType() == MeasureType.PHASED)
                .findFirst().orElseThrow());
        String words = own.getContent().substring(0, Math.min(8, own.getContent().length()));

        try (BrowserSession browser = BrowserSession.phone()) {
            Page page = browser.page;
            try {
                LedgerE2EIT.login(page, url(""), "contact");

                // The top bar stays on top, with a short title and one user menu that fits.
                Locator navbar = page.locator(".navbar");
                BoundingBox bar = navbar.boundingBox();
                assertThat(bar.y).as("navbar at the top").isLessThan(10);
                assertThat(bar.height).as("navbar height").isLessThan(80);
                assertThat(page.locator(".navbar-title .title-short")).isVisible();
                assertThat(page.locator(".navbar-title .title-full")).isHidden();
                BoundingBox menu = page.locator("#user-menu").boundingBox();
                assertThat(menu.x + menu.width).as("user menu within the screen").isLessThanOrEqualTo(WIDTH);

                // The start page: small key figures, so that the first chart begins on the first screen.
                page.waitForURL("**/dashboard**");
                assertThat(page.locator("#chart-unit")).isVisible();
                Object kpiRows = page.evaluate("() => new Set([...document.querySelectorAll('.kpi-row .kpi-card')]"
                        + ".map(c => Math.round(c.getBoundingClientRect().top))).size");
                assertThat(((Number) kpiRows).intValue()).as("rows of key figures on a phone").isLessThanOrEqualTo(3);
                assertThat(page.locator("#chart-unit").boundingBox().y).as("the first chart's top")
                        .isLessThan(650);
                fitsTheWidth(page, "dashboard");

                // The ledger: filters folded behind one button, items as cards, no sideways scrolling.
                page.navigate(url("ledger"));
                assertThat(page.locator("h2.view-title")).hasText("整改台账");
                Locator toggle = page.locator("#filters-toggle");
                assertThat(toggle).isVisible();
                assertThat(page.locator("#ledger-filters")).isHidden();
                Locator cards = page.locator("#ledger-grid .ledger-card:not([hidden])");
                assertThat(cards.first()).isVisible();
                // Each card's row number shows beside it, not cut off by the narrow column.
                Object numberOverflow = page.evaluate("""
                        () => { const t = [...document.querySelectorAll('#ledger-grid vaadin-grid-tree-toggle[leaf]')]
                                  .find(t => t.textContent.trim());
                                const r = document.createRange(); r.selectNodeContents(t);
                                return r.getBoundingClientRect().right
                                    - t.closest('vaadin-grid-cell-content').getBoundingClientRect().right; }""");
                assertThat(((Number) numberOverflow).doubleValue()).as("a row number beyond its cell by (px)")
                        .isLessThanOrEqualTo(0);
                Object gridOverflow = page.evaluate("() => { const g = document.querySelector('#ledger-grid');"
                        + " const t = g.shadowRoot.querySelector('#table'); return t.scrollWidth - t.clientWidth; }");
                assertThat(((Number) gridOverflow).intValue()).as("grid scrolls sideways by").isLessThanOrEqualTo(0);
                fitsTheWidth(page, "ledger");
                browser.screenshot("phone-ledger");
                Path doc = Paths.get("docs", "phone-ledger.png");
                if (Files.isDirectory(doc.getParent())) {
                    Files.copy(Paths.get("target", "e2e-screenshots", "phone-ledger.png"), doc,
                            StandardCopyOption.REPLACE_EXISTING);
                }

                // Find the item: open the filters, search, and the button counts the condition.
                toggle.click();
                assertThat(page.locator("#ledger-filters")).isVisible();
                page.locator("#filter-text input").fill(words);
                assertThat(toggle).containsText("1");
                cards.filter(new Locator.FilterOptions().setHasText(words)).first().click();
                page.waitForURL("**/ledger/item/" + own.getId());
                fitsTheWidth(page, "item page");

                // Report progress with a photo from the camera.
                page.locator("#action-progress").click();
                Locator dialog = page.locator("vaadin-dialog-overlay[opened]");
                assertThat(dialog).isVisible();
                BoundingBox box = page.locator("vaadin-dialog-overlay[opened] [part~='overlay']").boundingBox();
                assertThat(box.x).isGreaterThanOrEqualTo(0);
                assertThat(box.x + box.width).as("dialog within the screen").isLessThanOrEqualTo(WIDTH);
                dialog.locator("vaadin-text-area textarea").fill("现场整改已完成一半，附照片。");
                dialog.locator("vaadin-integer-field input").fill("60");
                Path photo = Paths.get("src", "test", "resources", "e2e", "site-photo.png");
                FileChooser chooser = page.waitForFileChooser(() -> dialog.locator("#evidence-camera").click());
                assertThat(chooser.element().getAttribute("capture")).isEqualTo("environment");
                chooser.setFiles(photo);
                assertThat(dialog.locator("vaadin-upload-file[complete]")).hasCount(1);
                browser.screenshot("phone-progress-dialog");
                dialog.locator("#action-submit").click();
                assertThat(page.locator("vaadin-dialog-overlay[opened]")).hasCount(0);

                // The photo shows as a thumbnail, and opens in a preview.
                Locator thumb = page.locator(".evidence-thumb").first();
                assertThat(thumb).isVisible();
                assertThat(thumb.locator("img")).hasJSProperty("complete", true);
                Object loaded = thumb.locator("img").evaluate("img => img.naturalWidth");
                assertThat(((Number) loaded).intValue()).as("thumbnail's picture loaded").isEqualTo(64);
                thumb.click();
                Locator preview = page.locator("vaadin-dialog-overlay[opened]");
                assertThat(preview.locator("img")).isVisible();
                browser.screenshot("phone-photo-preview");
                preview.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("关闭")).click();
                fitsTheWidth(page, "item page after the report");

                // Log out from the user menu.
                page.locator("#user-menu").click();
                page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("退出登录")).click();
                page.waitForURL("**/login");
                assertThat(page.locator("#login-form")).isVisible();
            } catch (RuntimeException | AssertionError e) {
                System.err.println("E2E failure, screenshot: " + browser.screenshot("phone-failed").toAbsolutePath());
                throw e;
            }
        }
    }

    /** Members read the disclosure on their phones: a list of problems and measures, no table to swipe sideways. */
    @Test
    void aMemberReadsTheDisclosureOnAPhone() {
        try (BrowserSession browser = BrowserSession.phone()) {
            Page page = browser.page;
            try {
                LedgerE2EIT.login(page, url(""), "member");
                page.waitForURL("**/disclosure");
                Locator table = page.locator(".disclosure-table").first();
                assertThat(table).isVisible();
                assertThat(table.locator("thead")).isHidden();
                Object sideways = page.evaluate("() => Math.max(...[...document.querySelectorAll("
                        + "'.disclosure-table-wrap')].map(w => w.scrollWidth - w.clientWidth))");
                assertThat(((Number) sideways).intValue()).as("the disclosure scrolls sideways by").isLessThanOrEqualTo(0);
                fitsTheWidth(page, "disclosure");
                // The problem reads across the screen, and each measure's state sits within it.
                BoundingBox problem = table.locator("td.problem").first().boundingBox();
                assertThat(problem.width).as("width of a problem's text").isGreaterThan(WIDTH * 0.7);
                BoundingBox state = table.locator("td.state [theme~='badge']").first().boundingBox();
                assertThat(state.x + state.width).as("a state's right edge").isLessThanOrEqualTo(WIDTH);
                assertThat(table.locator("td.date").first().evaluate("td => getComputedStyle(td, '::before').content"))
                        .as("the date's label, in place of the hidden header").isEqualTo("\"完成时间 \"");
                browser.screenshot("phone-disclosure");
            } catch (RuntimeException | AssertionError e) {
                System.err.println("E2E failure, screenshot: " + browser.screenshot("phone-disclosure-failed"));
                throw e;
            }
        }
    }
}
