package org.rectify.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rectify.testing.MariaDbAvailable;
import org.rectify.testing.Sheets;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * A new office's first afternoon, in a real browser against a real, EMPTY MariaDB database with only the first
 * office login — the production ("mysql") path: set up units and people by hand, create the meeting, import the
 * ledger sheet the office already keeps (title rows, a two-row merged header, a problem merged over three measure
 * rows, deadlines in words), and find the right numbers on the dashboard.
 */
@ExtendWith(MariaDbAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:mysql://${RECTIFY_TEST_DB_HOST:127.0.0.1}:${RECTIFY_TEST_DB_PORT:3306}/"
                + "rectify_e2e?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8",
        "spring.datasource.username=${RECTIFY_TEST_DB_USER:root}",
        "spring.datasource.password=${RECTIFY_TEST_DB_PASSWORD:}",
        "spring.flyway.clean-disabled=false",
        "rectify.admin.username=admin", "rectify.admin.password=first-admin-2026",
        "rectify.evidence.dir=target/e2e-evidence-first", "rectify.mail.scheduling=false"})
@ActiveProfiles({"mysql", "mariadb"})
class FirstAfternoonE2EIT {

    /** The database is shared between runs: every run starts from an empty schema, as a new installation does. */
    @TestConfiguration
    static class EmptyDatabase {
        @Bean
        FlywayMigrationStrategy cleanMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    private static final LocalDate HELD = TODAY.minusDays(10);

    /** The sheet: a title, a header over two rows, problem 1 merged over three measures, a note at the bottom. */
    static Path ledgerSheet() throws Exception {
        YearMonth next = YearMonth.from(TODAY).plusMonths(1);
        YearMonth later = YearMonth.from(TODAY).plusMonths(2);
        LocalDate in30 = TODAY.plusDays(30);
        try (Sheets s = new Sheets()) {
            s.row(HELD.getYear() + "年度党委领导班子民主生活会检视问题整改台账");
            s.merge(0, 0, 0, 8);
            s.row("填报单位：党委办公室");
            s.row("序号", "问题类别", "存在问题", "整改措施", "责任分工", null, "整改时限", "整改进展", "完成情况");
            s.row(null, null, null, null, "责任领导", "责任单位");
            for (int c : new int[] {0, 1, 2, 3, 6, 7, 8}) {
                s.merge(2, 3, c, c);
            }
            s.merge(2, 2, 4, 5);
            s.row(1, "思想", "理论学习不够深入系统", "制定年度学习计划", "王书记", "办公室",
                    next.getYear() + "年" + next.getMonthValue() + "月底前", "已起草", "正在推进");
            s.row(null, null, null, "开展专题研讨", "李委员", "建设科", "年底前", null, null);
            s.row(null, null, null, "建立学习台账", "王书记", "办公室", "立行立改", "台账已建立", "已完成");
            s.merge(4, 6, 0, 0).merge(4, 6, 1, 1).merge(4, 6, 2, 2);
            s.blank();
            s.row(2, "作风", "调查研究不够深入", "每月深入基层调研", "李委员", "建设科", "长期坚持", null, null);
            s.row(3, "纪律", "请示报告制度执行有偏差", "修订请示报告制度", "王书记", "办公室", TODAY.plusDays(90),
                    null, null);
            s.row(4, "廉洁", "廉政教育不够经常", "每季度开展警示教育", "王书记", "办公室",
                    later.getYear() + "." + later.getMonthValue(), null, null);
            s.row(5, "思想", "理想信念教育抓得不实", "开展主题党日活动", "李委员", "建设科",
                    in30.getYear() + "年" + in30.getMonthValue() + "月" + in30.getDayOfMonth() + "日", null, null);
            s.blank();
            s.row("备注：本表由党委办公室汇总。");
            s.merge(13, 13, 0, 8);
            return s.write();
        }
    }

    @Test
    void fromAnEmptyDatabaseToAWorkingLedger() throws Exception {
        Path sheet = ledgerSheet();
        try (BrowserSession browser = BrowserSession.open()) {
            Page page = browser.page;
            try {
                page.navigate(url("login"));
                page.locator("#username").fill("admin");
                page.locator("#password").fill("first-admin-2026");
                page.locator("#login-submit").click();
                page.waitForURL(u -> !u.contains("/login"));
                assertThat(page.locator("#setup-panel")).containsText("建立组织机构");
                browser.screenshot("first-0-setup");

                // 1. Units, by hand.
                page.navigate(url("admin/units"));
                unit(page, "市港航局党委", "GHJ", "党委", null);
                unit(page, "办公室", "BGS", "科室", "市港航局党委");
                unit(page, "建设科", "JSK", "科室", "市港航局党委");
                assertThat(page.locator("#units-grid")).containsText("建设科");
                browser.screenshot("first-1-units");

                // 2. People: two committee members and a contact.
                page.navigate(url("admin/people"));
                person(page, "王书记", "市港航局党委", "书记");
                person(page, "李委员", "市港航局党委", "委员");
                person(page, "赵联络", "办公室", "联络员");
                assertThat(page.locator("#people-grid")).containsText("赵联络");
                browser.screenshot("first-2-people");

                // 3. The meeting.
                page.navigate(url("meetings/edit"));
                page.locator("#meeting-held-on input").fill(HELD.toString());
                page.locator("#meeting-held-on input").press("Enter");
                page.locator("#meeting-status").click();
                page.locator("vaadin-select-overlay[opened] vaadin-select-item").filter(new Locator.FilterOptions().setHasText("已召开")).click();
                assertThat(page.locator("#meeting-title input")).hasValue(Pattern.compile("市港航局党委\\d{4}年度民主生活会"));
                page.locator("#save-meeting").click();
                page.waitForURL("**/meetings/item/**");
                assertThat(page.locator("#filing-box")).containsText("会后 15 天内");

                // 4. The ledger the office already keeps, from Excel.
                page.locator("#import-ledger").click();
                java.util.Set<String> tempBefore = importTemps();
                page.locator("#import-upload input[type=file]").setInputFiles(sheet);
                Locator preview = page.locator("#import-preview");
                assertThat(preview).containsText("将导入 5 个检视问题、7 条整改措施");
                browser.screenshot("first-3-preview");
                page.locator("#import-run").click();
                assertThat(page.locator("#import-done")).isVisible();
                assertThat(page.getByText("已导入 5 个检视问题、7 条整改措施")).isVisible();
                page.locator("#import-close").click();
                assertThat(page.locator("#meeting-counts")).containsText("班子 5 · 个人 0");
                org.assertj.core.api.Assertions.assertThat(importTemps()).as("the upload left nothing behind")
                        .isSubsetOf(tempBefore);
                browser.screenshot("first-4-meeting");

                // 5. The dashboard shows it.
                page.navigate(url("dashboard"));
                assertThat(page.locator("#kpi-total .kpi-value")).hasText("7");
                assertThat(page.locator("#kpi-closed .kpi-value")).hasText("1");
                assertThat(page.locator("#kpi-overdue .kpi-value")).hasText("0");
                assertThat(page.locator("#kpi-open .kpi-value")).hasText("6");
                assertThat(page.locator("#chart-unit svg.apexcharts-svg")).isVisible();
                page.waitForTimeout(800);
                browser.screenshot("first-5-dashboard");
            } catch (RuntimeException | AssertionError e) {
                System.err.println("E2E failure, screenshot: " + browser.screenshot("first-failed").toAbsolutePath());
                throw e;
            }
        }
    }

    /** The uploaded sheets' temporary files, and any directory Vaadin's temp-file handler would have made. */
    private static java.util.Set<String> importTemps() {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                java.nio.file.Paths.get(System.getProperty("java.io.tmpdir")))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith(org.rectify.transfer.ui.ImportDialog.TEMP_PREFIX)
                            || n.startsWith("temp_dir"))
                    .collect(java.util.stream.Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void unit(Page page, String name, String code, String kind, String parent) {
        page.locator("#create-unit").click();
        page.locator("#unit-name input").fill(name);
        page.locator("#unit-code input").fill(code);
        page.locator("#unit-kind").click();
        page.locator("vaadin-select-overlay[opened] vaadin-select-item").filter(new Locator.FilterOptions().setHasText(kind)).first().click();
        if (parent != null) {
            comboBox(page, "#unit-parent", parent);
        }
        page.locator("#save-unit").click();
        assertThat(page.locator("#unit-name")).hasCount(0);
    }

    private static void person(Page page, String name, String unit, String position) {
        page.locator("#create-person").click();
        page.locator("#person-name input").fill(name);
        comboBox(page, "#person-unit", unit);
        page.locator("#person-position").click();
        page.locator("vaadin-select-overlay[opened] vaadin-select-item").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^\\s*" + position + "\\s*$"))).click();
        page.locator("#save-person").click();
        assertThat(page.locator("#person-name")).hasCount(0);
    }

    private static void comboBox(Page page, String id, String text) {
        page.locator(id + " input").fill(text);
        page.locator("vaadin-combo-box-item:visible").filter(new Locator.FilterOptions().setHasText(text)).first().click();
    }
}
