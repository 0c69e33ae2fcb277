package dev.arena.server.client;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import dev.arena.server.support.Chromium;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real headless Chromium pages play against each other on a real server:
 * both join one room, each sees the other, and keys pressed in one page move
 * its player on the other page. A phone-sized page (390 x 844, touch) plays
 * with the scores panel clear of the HUD. No page logs an error, throws or
 * gets a 4xx/5xx response. Screenshots go to
 * {@code game-server/target/screenshots/} for a person to look at.
 *
 * <p>Uses Debian's {@code chromium} ({@link dev.arena.server.support.Chromium}).
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

    /** Opens the client in a new page of {@code context}; {@code problems} watches it from its first request. */
    private Page open(BrowserContext context, List<PageProblems> problems) {
        Page page = context.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        problems.add(PageProblems.watch(page));
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
            List<PageProblems> problems = new ArrayList<>();
            Page ann = open(annContext, problems);
            ann.fill("#name", "ann");
            ann.click("#quick-join");
            ann.waitForFunction("() => window.arena.state().playerId !== null && window.arena.state().entities.length > 0");
            String roomId = (String) state(ann, "s.roomId");
            int annId = ((Number) state(ann, "s.playerId")).intValue();

            Page bob = open(bobContext, problems);
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
            // A Content-Security-Policy violation is a console error: the policy blocks nothing the client needs.
            assertThat(problems).allSatisfy(p -> assertThat(p.seen()).as("console of a desktop page").isEmpty());
        }
    }

    @Test
    void aPageOfAnotherOriginCannotOpenTheGamesWebSocket() throws Exception {
        double refusedBefore = server.counter("arena.upgrades.refused", "reason", "origin");
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(TIMEOUT_MS);
            // about:blank has an opaque origin: Chromium sends "Origin: null", as a sandboxed frame would.
            Object closeCode = page.evaluate("url => new Promise(done => { const ws = new WebSocket(url);"
                    + " ws.onopen = () => done('opened'); ws.onclose = e => done(e.code); })",
                    "ws://127.0.0.1:" + server.port() + "/ws");
            assertThat(closeCode).as("the upgrade fails, so the socket never opens").isEqualTo(1006);
        }
        assertThat(server.counter("arena.upgrades.refused", "reason", "origin")).isEqualTo(refusedBefore + 1);
    }

    @Test
    void onAPhoneTheScoresLeaveTheHudVisibleAndTheConsoleStaysClean() throws Exception {
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(3).setIsMobile(true).setHasTouch(true))) {
            List<PageProblems> problems = new ArrayList<>();
            Page page = open(phone, problems);
            // The longest name a player can choose, in wide letters: the widest the scores panel gets.
            page.fill("#name", "WWWWWWWWWWWWWWWW");
            page.tap("#quick-join");
            page.waitForFunction("() => window.arena.state().playerId !== null"
                    + " && document.querySelector('#leaderboard li') !== null"
                    + " && document.getElementById('hud-players').dataset.value !== ''");

            BoundingBox scores = page.locator("#scores").boundingBox();
            BoundingBox leave = page.locator("#leave").boundingBox();
            List<BoundingBox> boxes = new ArrayList<>(List.of(scores, leave));
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("phone.png")));

            // Each HUD item, not just the HUD's box: an item may overflow its box.
            for (Locator item : page.locator("#hud span").all()) {
                BoundingBox hud = item.boundingBox();
                assertThat(overlap(hud, scores)).as("the scores panel %s covers the HUD's %s %s", describe(scores),
                        item.textContent(), describe(hud)).isFalse();
                boxes.add(hud);
            }
            assertThat(boxes).as("HUD items, scores and Leave").hasSize(6);
            assertThat(overlap(leave, scores)).as("the scores panel covers the Leave button").isFalse();
            // The own row keeps its score in view: the name, not the number, gives way.
            BoundingBox score = page.locator("#leaderboard li.own span.score").boundingBox();
            assertThat(score.x + score.width).as("the own score's right edge").isLessThanOrEqualTo(scores.x + scores.width);
            assertThat(score.y).as("the own score is on the name's line")
                    .isLessThan(page.locator("#leaderboard li.own span.name").boundingBox().y + 1);
            for (BoundingBox box : boxes) {
                assertThat(box.x).as("left edge of %s", describe(box)).isGreaterThanOrEqualTo(0);
                assertThat(box.x + box.width).as("right edge of %s", describe(box)).isLessThanOrEqualTo(390);
            }
            // Every icon the page names is served as an image (the browser fetches one of them, when it likes).
            @SuppressWarnings("unchecked")
            List<String> icons = (List<String>) page.evaluate(
                    "() => [...document.querySelectorAll('link[rel~=\"icon\"]')].map(l => l.href)");
            assertThat(icons).as("icons the page names").isNotEmpty();
            for (String icon : icons) {
                APIResponse response = page.request().get(icon);
                assertThat(response.status()).as("GET " + icon).isEqualTo(200);
                assertThat(response.headers().get("content-type")).as("type of " + icon).startsWith("image/");
            }
            assertThat(problems.get(0).seen()).as("console of the phone page").isEmpty();
            assertThat(Files.size(SCREENSHOTS.resolve("phone.png"))).isGreaterThan(10_000);
        }
    }

    private static boolean overlap(BoundingBox a, BoundingBox b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    }

    private static String describe(BoundingBox b) {
        return String.format(java.util.Locale.ROOT, "[x %.0f, y %.0f, %.0f x %.0f]", b.x, b.y, b.width, b.height);
    }

    @Test
    void withViewsAPageHoldsOnlyWhatItsPlayerSeesAndDrawsItsMinimap() throws Exception {
        // 300 orbs in a 6,000-unit world, a 700-unit view: a player sees a handful, never all.
        try (TestServer views = TestServer.start(Map.of("arena.viewRadius", "700", "arena.worldWidth", "6000",
                "arena.worldHeight", "6000", "arena.orbs", "300"));
             BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(960, 640))) {
            Page page = context.newPage();
            page.setDefaultTimeout(TIMEOUT_MS);
            PageProblems problems = PageProblems.watch(page);
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
            assertThat(problems.seen()).as("console of the page").isEmpty();
        }
    }
}
