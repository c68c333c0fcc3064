package org.rectify.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium driven by Playwright for Java, the harness of the end-to-end tests. Playwright must
 * not download a browser of its own (it cannot here); it is pointed at /usr/bin/chromium instead.
 */
final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;
    final Page page;

    private BrowserSession(Playwright playwright, Browser browser, Page page) {
        this.playwright = playwright;
        this.browser = browser;
        this.page = page;
    }

    /** Opens a 1440×900 page; without Chromium the test fails under CI and is skipped, loudly, elsewhere. */
    static BrowserSession open() {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = CHROMIUM + " not found: install Debian's chromium (apt-get install chromium); "
                    + ".ci/run does this";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message);
            }
            System.err.println("\n!!!!!!!!!! SKIPPING BROWSER TEST: " + message + " !!!!!!!!!!\n");
            Assumptions.abort(message);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1440, 900).setLocale("zh-CN"));
        page.setDefaultTimeout(30_000);
        return new BrowserSession(playwright, browser, page);
    }

    /** Saves what the browser shows under target/, for a failed test's post-mortem. */
    Path screenshot(String name) {
        Path file = Paths.get("target", "e2e-screenshots", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
