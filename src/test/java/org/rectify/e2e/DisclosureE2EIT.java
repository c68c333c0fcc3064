package org.rectify.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.base.Today;
import org.rectify.disclosure.DisclosureService;
import org.rectify.disclosure.DisclosureService.Draft;
import org.rectify.ledger.CategoryRepository;
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
import org.rectify.org.Person;
import org.rectify.org.PersonRepository;
import org.rectify.org.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 整改公示 in headless Chromium: a party member sees the disclosed items in their public wording and nothing else
 * of the ledger (internal texts, progress notes, urgings, undisclosed items, names the office withheld), and is
 * refused an internal item's address with a friendly page; the office discloses an item through its page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rectify-e2e-disclosure;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "rectify.demo-data=true", "rectify.evidence.dir=target/e2e-evidence"})
class DisclosureE2EIT {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ProblemService problems;
    @Autowired
    RectificationService workflow;
    @Autowired
    DisclosureService disclosures;
    @Autowired
    LedgerService ledger;
    @Autowired
    UnitRepository units;
    @Autowired
    PersonRepository people;
    @Autowired
    CategoryRepository categories;
    @Autowired
    Today today;

    private static boolean prepared;
    private static long meetingId;
    private static long internalItem;
    private static long officeItem;
    private static String memberName;
    private static String leaderName;

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private void as(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    /**
     * Items with unmistakable internal texts in this year's meeting: two disclosed in other words (one closed, one
     * long-term and urged), one closed but not disclosed, and one for the office to disclose in the browser.
     */
    @BeforeEach
    void prepare() {
        if (prepared) {
            return;
        }
        as("office");
        try {
            meetingId = ledger.latestMeetingId().orElseThrow();
            long unit = units.findByCode("ZRK").orElseThrow().getId();
            List<Person> committee = people.findAll().stream().filter(p -> p.getPosition().isLeadership()).toList();
            Person member = committee.get(committee.size() - 1);
            Person leader = committee.get(0);
            memberName = member.getName();
            leaderName = leader.getName();
            long category = categories.findByName("作风").orElseThrow().getId();
            var now = today.date();
            problems.importProblems(meetingId, List.of(
                    new ImportedProblem(null, ProblemScope.INDIVIDUAL, member.getId(), ProblemSource.MASS_FEEDBACK,
                            category, "E2E内部问题表述", "E2E内部原因剖析", List.of(
                            measure("E2E内部措施一", leader.getId(), unit, MeasureType.PHASED, MeasureStatus.CLOSED, now),
                            measure("E2E内部措施二", leader.getId(), unit, MeasureType.LONG_TERM,
                                    MeasureStatus.IN_PROGRESS, now),
                            measure("E2E未公示措施", leader.getId(), unit, MeasureType.PHASED, MeasureStatus.CLOSED,
                                    now))),
                    new ImportedProblem(null, ProblemScope.TEAM, null, ProblemSource.STUDY, category,
                            "E2E办公室问题", null, List.of(measure("E2E办公室内部措施", leader.getId(), unit,
                            MeasureType.IMMEDIATE, MeasureStatus.CLOSED, now)))), n -> { });
            List<Measure> mine = ledger.find(new LedgerFilter().setMeetingId(meetingId).setText("E2E"), null, 0, 10,
                    List.of());
            Measure one = byContent(mine, "E2E内部措施一");
            Measure two = byContent(mine, "E2E内部措施二");
            workflow.urge(two.getId(), two.getVersion(), "党委办公室", now, "E2E督办内容");
            disclosures.publish(one.getId(), null, new Draft("E2E公开问题", "E2E公开措施一", false));
            disclosures.publish(two.getId(), null, new Draft("E2E公开问题", "E2E公开措施二", false));
            internalItem = one.getId();
            officeItem = byContent(mine, "E2E办公室内部措施").getId();
            prepared = true;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Measure byContent(List<Measure> list, String content) {
        return list.stream().filter(m -> m.getContent().equals(content)).findFirst().orElseThrow();
    }

    private static ImportedMeasure measure(String content, long leader, long unit, MeasureType type,
            MeasureStatus status, java.time.LocalDate now) {
        return new ImportedMeasure(new MeasureDraft(null, null, content, leader, unit, null, type,
                type == MeasureType.LONG_TERM ? null : now.plusDays(30)), status,
                status == MeasureStatus.CLOSED ? 100 : 50, "E2E内部进展说明", now.minusDays(1),
                status == MeasureStatus.CLOSED ? now.minusDays(1) : null, null, null);
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
    void aMemberSeesOnlyWhatWasDisclosedInItsPublicWords() {
        inBrowser("disclosure-member", page -> {
            LedgerE2EIT.login(page, url(""), "member");
            page.waitForURL("**/disclosure");
            Locator section = page.locator("#disclosure-meeting-" + meetingId);
            assertThat(section).containsText("E2E公开问题");
            assertThat(section).containsText("E2E公开措施一");
            assertThat(section).containsText("E2E公开措施二");
            Locator ours = section.locator("tr").filter(new Locator.FilterOptions().setHasText("E2E公开措施"));
            assertThat(ours.first()).containsText("已完成");
            assertThat(ours.nth(1)).containsText("长期坚持、持续推进");
            // The office withheld the names: neither the member nor the leader is named on these rows.
            for (int i = 0; i < 2; i++) {
                assertThat(ours.nth(i)).not().containsText(memberName);
                assertThat(ours.nth(i)).not().containsText(leaderName);
            }
            String text = page.locator("body").innerText();
            assertThat(text).doesNotContain("E2E内部", "E2E未公示", "E2E督办", "E2E办公室内部措施");
            assertThat(page.locator("a[href*='ledger']")).hasCount(0);
            assertThat(page.locator("vaadin-upload, [href*='evidence']")).hasCount(0);
        });
        inBrowser("disclosure-member-refused", page -> {
            LedgerE2EIT.login(page, url(""), "member");
            page.navigate(url("ledger/item/" + internalItem));
            assertThat(page.locator("#error-title")).hasText("无权访问");
            assertThat(page.locator("#error-home")).isVisible();
            assertThat(page.locator("body")).not().containsText("E2E内部");
            page.navigate(url("office/disclosure"));
            assertThat(page.locator("#error-title")).hasText("无权访问");
            page.locator("#error-home").click();
            page.waitForURL("**/disclosure");
        });
        inBrowser("disclosure-member-print", page -> {
            LedgerE2EIT.login(page, url(""), "member");
            page.navigate(url("disclosure/print?meeting=" + meetingId));
            assertThat(page.locator("h1")).containsText("整改落实情况的公示");
            assertThat(page.locator(".disclosure-table")).containsText("E2E公开措施一");
            assertThat(page.locator("vaadin-app-layout")).hasCount(0);
            assertThat(page.locator("body")).not().containsText("E2E内部");
        });
    }

    @Test
    void theOfficeDisclosesAnItemInItsOwnWords() {
        inBrowser("disclosure-office", page -> {
            LedgerE2EIT.login(page, url(""), "office");
            page.navigate(url("office/disclosure"));
            page.locator("#disclosure-search input").fill("E2E办公室");
            page.locator("#disclose-" + officeItem).click();
            Locator dialog = page.locator("[role=dialog]").filter(new Locator.FilterOptions().setHasText("台账原文"));
            assertThat(dialog).isVisible();
            assertThat(dialog).containsText("E2E办公室内部措施");
            page.locator("#public-measure textarea").fill("E2E办公室公开表述");
            page.locator("#save-disclosure").click();
            assertThat(page.locator("#withdraw-" + officeItem)).isVisible();
            page.navigate(url("disclosure"));
            assertThat(page.locator("#disclosure-meeting-" + meetingId)).containsText("E2E办公室公开表述");
        });
    }
}
