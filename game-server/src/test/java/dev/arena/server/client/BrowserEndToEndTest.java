package dev.arena.server.client;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two real headless Chromium pages play against each other on a real server:
 * both join one room, each sees the other, and keys pressed in one page move
 * its player on the other page. Screenshots go to
 * {@code game-server/target/screenshots/} for a person to look at.
 *
 * <p>Uses Debian's {@code chromium}. In CI ({@code CI=true}) a missing browser
 * fails the test; elsewhere the test is skipped with the reason printed.
 */
class BrowserEndToEndTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final double TIMEOUT_MS = 15_000;

    private static TestServer server;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!Files.isExecutable(CHROMIUM)) {
            String reason = CHROMIUM + " is missing (apt-get install chromium)";
            if (ci) {
                throw new AssertionError("the browser test must run in CI: " + reason);
            }
            System.out.println("BrowserEndToEndTest skipped: " + reason);
            assumeTrue(false, reason);
        }
        server = TestServer.start(Map.of());
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Page open(BrowserContext context) {
        Page page = context.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        page.navigate("http://127.0.0.1:" + server.port() + "/");
        return page;
    }

    private static Object state(Page page, String expression) {
        return page.evaluate("() => { const s = window.arena.state(); return " + expression + "; }");
    }

    @Test
    void twoPagesJoinOneRoomSeeEachOtherAndKeysMoveAPlayerOnTheOtherPage() throws Exception {
        try (BrowserContext annContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(960, 640));
             BrowserContext bobContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(960, 640))) {
            Page ann = open(annContext);
            ann.fill("#name", "ann");
            ann.click("#quick-join");
            ann.waitForFunction("() => window.arena.state().playerId !== null && window.arena.state().entities.length > 0");
            String roomId = (String) state(ann, "s.roomId");
            int annId = ((Number) state(ann, "s.playerId")).intValue();

            Page bob = open(bobContext);
            bob.fill("#name", "bob");
            bob.fill("#room-id", roomId);
            bob.click("#join-room");
            bob.waitForFunction("() => window.arena.state().playerId !== null");
            assertThat(state(bob, "s.roomId")).isEqualTo(roomId);
            int bobId = ((Number) state(bob, "s.playerId")).intValue();

            // Each page shows the other player, with its name.
            ann.waitForFunction("id => window.arena.state().entities.some(e => e.id === id && e.label === 'bob')", bobId);
            bob.waitForFunction("id => window.arena.state().entities.some(e => e.id === id && e.label === 'ann')", annId);
            assertThat(ann.isVisible("#game")).isTrue();

            // Ann holds the arrow key towards the far side; Bob's page sees her move that way.
            double startX = ((Number) bob.evaluate(
                    "id => window.arena.state().entities.find(e => e.id === id).x", annId)).doubleValue();
            String key = startX < 1000 ? "ArrowRight" : "ArrowLeft";
            String farther = startX < 1000 ? ">" : "<";
            ann.bringToFront();
            ann.keyboard().down(key);
            bob.waitForFunction("([id, x]) => { const e = window.arena.state().entities.find(e => e.id === id);"
                    + " return e && e.x " + farther + " x " + (startX < 1000 ? "+" : "-") + " 60; }",
                    new Object[]{annId, startX});
            ann.keyboard().up(key);

            // Ann's own (predicted) view agrees with what Bob sees, within a short stretch.
            double annOwnX = ((Number) state(ann, "s.ownPosition.x")).doubleValue();
            double bobSeesX = ((Number) bob.evaluate(
                    "id => window.arena.state().entities.find(e => e.id === id).x", annId)).doubleValue();
            assertThat(Math.abs(annOwnX - bobSeesX)).as("prediction vs interpolation").isLessThan(80);

            ann.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("ann.png")));
            bob.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("bob.png")));
            assertThat(Files.size(SCREENSHOTS.resolve("ann.png"))).isGreaterThan(10_000);
            assertThat(Files.size(SCREENSHOTS.resolve("bob.png"))).isGreaterThan(10_000);
        }
    }

    @Test
    void withViewsAPageHoldsOnlyWhatItsPlayerSeesAndDrawsItsMinimap() throws Exception {
        // 300 orbs in a 6,000-unit world, a 700-unit view: a player sees a handful, never all.
        try (TestServer views = TestServer.start(Map.of("arena.viewRadius", "700", "arena.worldWidth", "6000",
                "arena.worldHeight", "6000", "arena.orbs", "300"));
             BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(960, 640))) {
            Page page = context.newPage();
            page.setDefaultTimeout(TIMEOUT_MS);
            List<String> errors = new java.util.ArrayList<>();
            page.onPageError(errors::add);
            page.navigate("http://127.0.0.1:" + views.port() + "/");
            page.fill("#name", "ann");
            page.click("#quick-join");
            page.waitForFunction("() => window.arena.state().ownPosition !== null && window.arena.state().entities.length > 0");
            // A few updates later, with frames drawn (the minimap and edge arrows too) and the HUD saying what it counts.
            page.waitForFunction("() => window.arena.state().tick > 40 && Number(document.getElementById('hud-fps').dataset.value) > 0");
            assertThat(page.textContent("#hud-players")).startsWith("Players in view");

            Object farthest = page.evaluate("() => { const s = window.arena.state(); const me = s.entities.find(e => e.id === s.playerId);"
                    + " return Math.max(...s.entities.filter(e => e.kind !== 3).map(e => Math.hypot(e.x - me.x, e.y - me.y))); }");
            assertThat(((Number) farthest).doubleValue()).as("the farthest entity held").isLessThanOrEqualTo(700);
            assertThat(((Number) state(page, "s.entities.length")).intValue()).as("held of 301").isLessThan(150);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("views.png")));
            assertThat(errors).as("errors in the page").isEmpty();
        }
    }
}
