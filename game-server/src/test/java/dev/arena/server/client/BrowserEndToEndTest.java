package dev.arena.server.client;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.arena.server.support.Chromium;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final double TIMEOUT_MS = 15_000;

    private static TestServer server;
    private static Chromium chromium;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch("BrowserEndToEndTest");
        browser = chromium.browser();
        server = TestServer.start(Map.of());
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
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
}
