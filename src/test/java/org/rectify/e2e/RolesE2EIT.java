package org.rectify.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.function.Consumer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
            assertThat(page.locator("#login-form")).isVisible();
            page.locator("#username").fill("office");
            page.locator("#password").fill("wrong-password");
            page.locator("#login-submit").click();
            page.waitForURL("**/login?error");
            assertThat(page.locator("#login-error")).containsText("用户名或密码不正确");
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
            // A "PDF" that is not one is shown as refused in the list, never with the ✓ of an attached file.
            dialog.locator("vaadin-upload input[type=file]").first().setInputFiles(new com.microsoft.playwright
                    .options.FilePayload("整改报告.pdf", "application/pdf", "not a pdf".getBytes()));
            Locator refused = dialog.locator("vaadin-upload-file[error]");
            assertThat(refused).hasCount(1);
            assertThat(refused).containsText("已拒收");
            assertThat(dialog.locator("vaadin-upload-file[complete]")).hasCount(0);
            assertThat(dialog.locator(".upload-refused")).containsText("整改报告.pdf");
        });
    }

    /**
     * Every page in each role's menu opens, under the Content-Security-Policy ({@link BrowserSession} fails on a
     * reported violation), and the session cookie is SameSite=Lax and HttpOnly.
     */
    @ParameterizedTest
    @ValueSource(strings = {"office", "leader", "contact", "member"})
    void everyMenuPageOfEachRoleOpensUnderTheContentSecurityPolicy(String role) {
        inBrowser("menu-" + role, page -> {
            page.navigate(url("login"));
            page.navigate(url("no-such-page-" + role));
            LedgerE2EIT.login(page, url(""), role);
            page.locator(".side-navs vaadin-side-nav-item").first().waitFor();
            @SuppressWarnings("unchecked")
            List<String> paths = (List<String>) page.locator(".side-navs vaadin-side-nav-item")
                    .evaluateAll("items => items.map(i => i.getAttribute('path'))");
            org.assertj.core.api.Assertions.assertThat(paths).as(role + "'s menu").isNotEmpty();
            for (String path : paths) {
                page.navigate(url(path.replaceFirst("^/", "")));
                assertThat(page.locator("h2.view-title, h2#error-title").first()).isVisible();
                page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            }
            com.microsoft.playwright.options.Cookie session = page.context().cookies().stream()
                    .filter(c -> c.name.equals("JSESSIONID")).findFirst().orElseThrow();
            org.assertj.core.api.Assertions.assertThat(session.sameSite)
                    .isEqualTo(com.microsoft.playwright.options.SameSiteAttribute.LAX);
            org.assertj.core.api.Assertions.assertThat(session.httpOnly).isTrue();
        });
    }

    /** Behind a TLS proxy (X-Forwarded-Proto: https from a private address) the session cookie is Secure. */
    @Test
    void theSessionCookieIsSecureBehindATlsProxyAndLaxEverywhere() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<Void> viaProxy = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url("login"))).header("X-Forwarded-Proto", "https").build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        java.net.http.HttpResponse<Void> plain = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url("login"))).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        String secure = viaProxy.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow();
        String local = plain.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(secure).contains("Secure").contains("HttpOnly")
                .contains("SameSite=Lax");
        org.assertj.core.api.Assertions.assertThat(local).doesNotContain("Secure").contains("SameSite=Lax");
        org.assertj.core.api.Assertions.assertThat(plain.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> org.assertj.core.api.Assertions.assertThat(csp)
                        .contains("default-src 'self'").contains("frame-ancestors 'none'"));
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
