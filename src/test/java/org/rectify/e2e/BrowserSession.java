package org.rectify.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.rectify.testing.Chromium;

/** A page in Debian's headless Chromium ({@link Chromium}), the harness of the end-to-end tests. */
final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Chromium.PATH;

    private final Playwright playwright;
    private final Browser browser;
    final Page page;
    /** Content-Security-Policy violations the browser reported, on any page of this session. */
    private final List<String> cspViolations = new CopyOnWriteArrayList<>();

    private BrowserSession(Playwright playwright, Browser browser, Page page) {
        this.playwright = playwright;
        this.browser = browser;
        this.page = page;
        // Chromium reports a blocked script, style, picture or connection on the console and as a DOM event.
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                cspViolations.add(page.url() + ": " + m.text());
            }
        });
    }

    /** Opens a 1440×900 page; without Chromium the test fails under CI and is skipped, loudly, elsewhere. */
    static BrowserSession open() {
        return open(new Browser.NewPageOptions().setViewportSize(1440, 900).setLocale("zh-CN"));
    }

    /** A phone: 375×812 CSS pixels at 2×, touch, a mobile browser's viewport handling. */
    static BrowserSession phone() {
        return open(new Browser.NewPageOptions().setViewportSize(375, 812).setDeviceScaleFactor(2)
                .setIsMobile(true).setHasTouch(true).setLocale("zh-CN"));
    }

    private static BrowserSession open(Browser.NewPageOptions options) {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = CHROMIUM + " not found: install Debian's chromium (apt-get install chromium); "
                    + ".ci/run does this";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message);
            }
            System.err.println("\n!!!!!!!!!! SKIPPING BROWSER TEST: " + message + " !!!!!!!!!!\n");
            Assumptions.abort(message);
        }
        Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright);
        Page page = browser.newPage(options);
        page.setDefaultTimeout(30_000);
        return new BrowserSession(playwright, browser, page);
    }

    /** Saves what the browser shows under target/, for a failed test's post-mortem. */
    Path screenshot(String name) {
        Path file = Paths.get("target", "e2e-screenshots", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** Every browser test checks that the pages it visited work under the portal's Content-Security-Policy. */
    @Override
    public void close() {
        try {
            if (!cspViolations.isEmpty()) {
                throw new AssertionError("Content-Security-Policy violations:\n" + String.join("\n", cspViolations));
            }
        } finally {
            browser.close();
            playwright.close();
        }
    }
}
