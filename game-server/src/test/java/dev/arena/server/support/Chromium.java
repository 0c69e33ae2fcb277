package dev.arena.server.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless {@code chromium}, driven by Playwright without ever
 * downloading a browser, for the browser end-to-end tests. In CI
 * ({@code CI=true}) a missing browser fails the test; elsewhere the test is
 * skipped with the reason printed. Closing it closes the browser and
 * Playwright's driver.
 */
public final class Chromium implements AutoCloseable {
    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    /** Offline, quiet, no sandbox (containers), no QUIC (tests speak TCP to 127.0.0.1). */
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /**
     * Headless Chromium with the test flags plus {@code extraFlags}; skips the calling test
     * (fails it in CI) when Chromium is not installed.
     */
    public static Chromium launch(String testName, String... extraFlags) {
        if (!Files.isExecutable(EXECUTABLE)) {
            String reason = EXECUTABLE + " is missing (apt-get install chromium)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("the browser test must run in CI: " + reason);
            }
            System.out.println(testName + " skipped: " + reason);
            assumeTrue(false, reason);
        }
        List<String> flags = new ArrayList<>(FLAGS);
        flags.addAll(List.of(extraFlags));
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new Chromium(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(flags)));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
