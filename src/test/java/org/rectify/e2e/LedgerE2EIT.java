package org.rectify.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal in a real browser: started on a random port with the demo organization, opened in headless Chromium.
 * On failure a screenshot is left under target/e2e-screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rectify-e2e;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "rectify.demo-data=true"})
class LedgerE2EIT {

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** Logs in through the real login form. */
    static void login(Page page, String base, String username) {
        page.navigate(base + "login");
        page.locator("#username").fill(username);
        page.locator("#password").fill("demo1234");
        page.locator("#login-submit").click();
        page.waitForURL(url -> !url.contains("/login"));
        // The login page is plain HTML: the Vaadin client starts with the first page after it.
        page.locator("h2.view-title, h2#error-title").first().waitFor(new com.microsoft.playwright.Locator
                .WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
    }

    /** Runs a browser step; on failure keeps a screenshot and rethrows. */
    private void inBrowser(String name, java.util.function.Consumer<Page> steps) {
        try (BrowserSession browser = BrowserSession.open()) {
            try {
                steps.accept(browser.page);
            } catch (RuntimeException | AssertionError e) {
                System.err.println("E2E failure, screenshot: " + browser.screenshot(name).toAbsolutePath());
                throw e;
            }
        }
    }

    @Test
    void theLedgerShowsGroupsAndRowsInChinese() {
        inBrowser("ledger", page -> {
            login(page, url(""), "office");
            page.navigate(url("ledger"));
            assertThat(page.locator("h2.view-title")).hasText("整改台账");
            Locator grid = page.locator("#ledger-grid");
            assertThat(grid).isVisible();
            // Group header rows (责任单位) with their totals, and ledger rows under them.
            assertThat(grid.locator(".group-label").filter(new Locator.FilterOptions().setHasText("党委办公室"))
                    .first()).isVisible();
            assertThat(grid.locator(".group-counts [theme~='badge']").first()).containsText("共");
            assertThat(grid.locator("vaadin-grid-cell-content .clamp:not([hidden])").first()).isVisible();
            assertThat(page.locator(".ledger-summary")).containsText("共");
        });
    }

    @Test
    void aFilteredLinkOpensTheFilteredLedgerAndARowOpensItsDetail() {
        inBrowser("ledger-filtered", page -> {
            login(page, url(""), "office");
            page.navigate(url("ledger?overdue=1&group=none"));
            assertThat(page.locator("#filter-overdue")).hasAttribute("checked", "");
            Locator alerts = page.locator("#ledger-grid [theme~='error']")
                    .filter(new Locator.FilterOptions().setHasText("逾期"));
            assertThat(alerts.first()).isVisible();
            page.locator("#ledger-grid vaadin-grid-cell-content .clamp:not([hidden])").first().click();
            page.waitForURL("**/ledger/item/**");
            assertThat(page.locator("h2.view-title")).containsText("检视问题");
            assertThat(page.locator(".measure-card.current")).isVisible();
        });
    }

    /** The language is in the user menu: open it, then the language entry, then the language. */
    private static void chooseLanguage(Page page, String entry, String language) {
        page.locator("#user-menu").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.MENUITEM,
                new Page.GetByRoleOptions().setName(entry)).click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.MENUITEM,
                new Page.GetByRoleOptions().setName(language)).click();
    }

    @Test
    void theLanguageSwitchTurnsThePortalToEnglishAndBack() {
        inBrowser("language", page -> {
            login(page, url(""), "office");
            page.navigate(url("ledger"));
            assertThat(page.locator("h2.view-title")).hasText("整改台账");
            chooseLanguage(page, "界面语言", "English");
            assertThat(page.locator("h2.view-title")).hasText("Rectification ledger");
            assertThat(page.locator("#ledger-grid")).containsText("Leader");
            // The choice is remembered: a new page load stays English.
            page.navigate(url("ledger"));
            assertThat(page.locator("h2.view-title")).hasText("Rectification ledger");
            // Every page of the office in English: no message key without a translation (shown as !key!).
            java.util.regex.Pattern missing = java.util.regex.Pattern.compile("![a-zA-Z]+\\.[a-zA-Z.]+!");
            for (String path : new String[] {"dashboard", "ledger", "ledger/item/1", "problems/edit", "admin/users",
                    "admin/mail", "disclosure"}) {
                page.navigate(url(path));
                page.waitForSelector("h2");
                String text = page.locator("body").innerText();
                assertThat(page.locator("h2").first()).isVisible();
                org.assertj.core.api.Assertions.assertThat(missing.matcher(text).find())
                        .as("untranslated key on " + path + ": " + text).isFalse();
            }
            page.navigate(url("ledger"));
            chooseLanguage(page, "Language", "中文");
            assertThat(page.locator("h2.view-title")).hasText("整改台账");
        });
    }

    @Test
    void aLostConnectionAndAnExpiredSessionAreExplainedInChinese() {
        inBrowser("connection", page -> {
            login(page, url(""), "office");
            page.navigate(url("ledger/item/1"));
            page.locator("#action-urge").click();
            Locator dialog = page.locator("vaadin-dialog-overlay[opened]");
            assertThat(dialog).isVisible();

            // The network goes away: the indicator says so, in Chinese.
            page.context().setOffline(true);
            dialog.locator("vaadin-button").last().click();
            assertThat(page.locator("vaadin-connection-indicator")).containsText("正在重新连接",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            page.context().setOffline(false);
            assertThat(page.locator("vaadin-connection-indicator")).not().containsText("正在重新连接",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));

            // The session is gone (as after a server restart): the user is told before being sent to log in.
            page.navigate(url("ledger/item/1"));
            page.locator("#action-urge").click();
            assertThat(page.locator("vaadin-dialog-overlay[opened]")).isVisible();
            page.context().addCookies(java.util.List.of(new com.microsoft.playwright.options.Cookie("JSESSIONID",
                    "expired-session").setUrl(url(""))));
            page.locator("vaadin-dialog-overlay[opened] vaadin-button").last().click();
            Locator notice = page.locator(".v-system-error");
            assertThat(notice).containsText("登录已失效");
            assertThat(notice).containsText("未提交的内容没有保存");
            notice.click();
            page.waitForURL("**/login");

            // A file link from a page that is gone: the portal's own page in Chinese, not Spring's error page.
            login(page, url(""), "office");
            page.navigate(url("VAADIN/dynamic/resource/9/00000000-0000-0000-0000-000000000000/old.pdf"));
            assertThat(page.locator("#error-title")).hasText("页面或文件不存在");
            assertThat(page.locator("body")).not().containsText("Whitelabel");
            assertThat(page.locator("a.home")).hasText("返回首页");
        });
    }
}
