package org.rectify.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in headless Chromium: the ApexCharts actually draw (an SVG per chart), the KPI cards and a chart
 * click lead to the filtered ledger. Screenshots land in target/e2e-screenshots/ (never in git).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rectify-e2e-dashboard;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "rectify.demo-data=true"})
class DashboardE2EIT {

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    @Test
    void theChartsRenderAndLeadToTheLedger() {
        try (BrowserSession browser = BrowserSession.open()) {
            var page = browser.page;
            // The first answer's request (ui-navigate) and the scripts, in the order the browser sends or ends them.
            List<String> requests = new CopyOnWriteArrayList<>();
            page.onRequest(r -> requests.add(r.url().contains("v-r=uidl") ? "uidl" : r.resourceType()));
            page.onRequestFinished(r -> requests.add(r.url().contains("v-r=uidl") ? "uidl done" : "done"));
            try {
                LedgerE2EIT.login(page, url(""), "leader");
                page.waitForURL("**/dashboard**");
                assertThat(page.locator("h2.view-title")).hasText("整改进度总览");
                for (String chart : new String[] {"unit", "category", "type", "trend"}) {
                    assertThat(page.locator("#chart-" + chart + " svg.apexcharts-svg")).isVisible();
                }
                if (!Boolean.TRUE.equals(page.evaluate("() => !!(window.Vaadin && window.Vaadin.developmentMode)"))) {
                    // Production: the dashboard's own scripts (ApexCharts) are asked for when the client sends its
                    // first request (RouteScriptPrefetch), so none is left to fetch once the server has answered.
                    org.assertj.core.api.Assertions.assertThat(requests).contains("uidl done");
                    org.assertj.core.api.Assertions.assertThat(requests.subList(requests.indexOf("uidl done"),
                            requests.size())).as("requests after the server's first answer: %s", requests)
                            .doesNotContain("script");
                }
                // Stacked bars per unit: one path per bar segment.
                Locator bars = page.locator("#chart-unit .apexcharts-bar-area");
                assertThat(bars.first()).isVisible();
                assertThat(page.locator("#kpi-overdue .kpi-value")).not().hasText("");
                page.waitForTimeout(1200); // let the chart animations finish before the picture
                browser.screenshot("dashboard");
                page.setViewportSize(1440, 2100); // the whole dashboard, for a look at every chart
                page.waitForTimeout(1200);
                browser.screenshot("dashboard-full");
                // A common laptop: every KPI card in one row, none wrapped onto a row of its own.
                page.setViewportSize(1366, 768);
                Object rows = page.evaluate("() => new Set([...document.querySelectorAll('.kpi-row .kpi-card')]"
                        + ".map(c => Math.round(c.getBoundingClientRect().top))).size");
                org.assertj.core.api.Assertions.assertThat(((Number) rows).intValue()).as("rows of KPI cards at 1366 px")
                        .isEqualTo(1);
                page.setViewportSize(1440, 900);

                page.locator("#kpi-overdue").click();
                page.waitForURL("**/ledger?**overdue=1**");
                assertThat(page.locator("#filter-overdue")).hasAttribute("checked", "");
                // Production loads each view's components with the view: a component only named in a renderer's
                // template (the grid's progress bars) must still be among them, or it stays an empty tag.
                assertThat(page.locator("#ledger-grid vaadin-progress-bar").first()).isAttached();
                org.assertj.core.api.Assertions.assertThat(page.evaluate("""
                        () => [...new Set([...document.querySelectorAll('*')].map(e => e.localName)
                            .filter(n => n.startsWith('vaadin-') && n !== 'vaadin-grid-cell-content'
                                && !customElements.get(n)))]""")).as("Vaadin elements in the ledger never defined")
                        .asList().isEmpty();

                page.navigate(url("dashboard"));
                page.locator("#chart-category .apexcharts-pie-area").first().click();
                page.waitForURL("**/ledger?**category=**");
                assertThat(page.locator("#ledger-grid")).isVisible();
            } catch (RuntimeException | AssertionError e) {
                System.err.println("E2E failure, screenshot: " + browser.screenshot("dashboard-failed"));
                throw e;
            }
        }
    }
}
