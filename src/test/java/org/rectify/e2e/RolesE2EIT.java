package org.rectify.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each role through the real login form in headless Chromium: what it sees, and what it is refused. Every step
 * leaves a screenshot under target/e2e-screenshots/ to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rectify-e2e-roles;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "rectify.demo-data=true", "rectify.evidence.dir=target/e2e-evidence"})
class RolesE2EIT {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.rectify.ledger.MeasureRepository measures;

    /** The first demo item matching, as an id for a URL. */
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    private long item(java.util.function.Predicate<org.rectify.ledger.Measure> which) {
        return tx.execute(s -> measures.findAll().stream().filter(which).findFirst().orElseThrow().getId());
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private void inBrowser(String name, Consumer<Page> steps) {
        try (BrowserSession browser = BrowserSession.open()) {
            try {
                steps.accept(browser.page);
                browser.screenshot(name);
            } catch (RuntimeException | AssertionError e) {
                System.err.println("E2E failure, screenshot: " + browser.screenshot(name + "-failed").toAbsolutePath());
                throw e;
            }
        }
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginAndWrongPasswordsRefused() {
        inBrowser("login-error", page -> {
            page.navigate(url("ledger"));
            page.waitForURL("**/login");
            assertThat(page.locator("vaadin-login-form")).isVisible();
            page.locator("vaadin-login-form input[name='username']").fill("office");
            page.locator("vaadin-login-form input[name='password']").fill("wrong-password");
            page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
            page.waitForURL("**/login?error");
            assertThat(page.locator("vaadin-login-form")).containsText("用户名或密码不正确");
        });
    }

    @Test
    void theOfficeSeesEverythingAndTheAdminPages() {
        inBrowser("office-ledger", page -> {
            LedgerE2EIT.login(page, url(""), "office");
            assertThat(page.locator("h2.view-title")).hasText("整改进度总览");
            page.navigate(url("ledger"));
            assertThat(page.locator("h2.view-title")).hasText("整改台账");
            assertThat(page.locator(".side-navs")).containsText("用户管理");
            assertThat(page.locator(".side-navs")).containsText("录入检视问题");
            assertThat(page.locator(".ledger-summary")).containsText("共 148 项");
        });
        long pending = item(m -> m.getStatus() == org.rectify.ledger.MeasureStatus.PENDING_CLOSE);
        inBrowser("office-detail", page -> {
            LedgerE2EIT.login(page, url(""), "office");
            page.navigate(url("ledger/item/" + pending));
            assertThat(page.locator("#action-close")).isVisible();
            assertThat(page.locator(".timeline")).containsText("申请销号");
        });
        inBrowser("office-users", page -> {
            LedgerE2EIT.login(page, url(""), "office");
            page.navigate(url("admin/users"));
            assertThat(page.locator("#users-grid")).containsText("contact");
        });
        inBrowser("office-mail", page -> {
            LedgerE2EIT.login(page, url(""), "office");
            page.navigate(url("admin/mail"));
            assertThat(page.locator("#mail-server")).containsText("未配置邮件服务器");
            page.locator("#mail-run").click();
            Locator preview = page.locator("[role=dialog]").filter(new Locator.FilterOptions().setHasText("预览"));
            assertThat(preview).isVisible();
            assertThat(preview).containsText("【整改提醒】");
        });
        inBrowser("office-new-problem", page -> {
            LedgerE2EIT.login(page, url(""), "office");
            page.navigate(url("problems/edit"));
            assertThat(page.locator("h2.view-title")).hasText("录入检视问题");
        });
    }

    @Test
    void aUnitContactSeesTheirUnitOnlyAndIsRefusedOthers() {
        inBrowser("contact-ledger", page -> {
            LedgerE2EIT.login(page, url(""), "contact");
            page.navigate(url("ledger"));
            assertThat(page.locator("h2.view-title")).hasText("整改台账");
            Locator groups = page.locator("#ledger-grid .group-label:not([hidden])");
            assertThat(groups.first()).hasText("组织人事科");
            assertThat(page.locator(".side-navs")).not().containsText("用户管理");
            page.navigate(url("admin/users"));
            assertThat(page.locator("#users-grid")).hasCount(0);
        });
        long foreign = item(m -> !m.getUnit().getCode().equals("ZRK"));
        inBrowser("contact-refused", page -> {
            LedgerE2EIT.login(page, url(""), "contact");
            // An item of another unit, typed into the URL.
            page.navigate(url("ledger/item/" + foreign));
            assertThat(page.locator("#refused")).containsText("无权查看");
        });
        long own = item(m -> m.getUnit().getCode().equals("ZRK")
                && m.getStatus() == org.rectify.ledger.MeasureStatus.IN_PROGRESS
                && m.getType() == org.rectify.ledger.MeasureType.PHASED);
        inBrowser("contact-progress-dialog", page -> {
            LedgerE2EIT.login(page, url(""), "contact");
            page.navigate(url("ledger/item/" + own));
            page.locator("#action-progress").click();
            Locator dialog = page.locator("[role=dialog]").filter(new Locator.FilterOptions().setHasText("整改进展"));
            assertThat(dialog).isVisible();
            assertThat(dialog.locator("vaadin-upload")).isVisible();
        });
    }

    @Test
    void aPartyMemberSeesOnlyTheDisclosurePage() {
        inBrowser("member", page -> {
            LedgerE2EIT.login(page, url(""), "member");
            page.waitForURL("**/disclosure");
            assertThat(page.locator("h2.view-title")).hasText("整改公示");
            assertThat(page.locator(".side-navs")).not().containsText("整改台账");
            page.navigate(url("ledger"));
            assertThat(page.locator("#ledger-grid")).hasCount(0);
        });
    }
}
