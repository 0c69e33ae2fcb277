package dev.arena.server.client;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tag game in real Chromium pages on the stock server (arena and tag
 * offered): two players pick tag in the lobby and meet in one room on
 * opposite teams, and a third on a phone-sized page joins from the room
 * list. The red one holds an arrow key into the blue one, and every page
 * shows the "tagged" banner (a name that looks like HTML stays text) and the
 * score; on the phone the round panel, the banners, the scores, the HUD and
 * Leave fit the screen without covering each other. No page logs an error.
 * Screenshots: {@code game-server/target/screenshots/tag-*.png}.
 */
class TagBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final double TIMEOUT_MS = 15_000;
    /** Bob's name: were it HTML, the banner would hold an {@code <i>} element. */
    private static final String BOB = "<i>bob</i>";

    private static TestServer server;
    private static Chromium chromium;
    private final List<PageProblems> problems = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch("TagBrowserTest");
        // A small field: the teams line up 180 units apart, under a second of running.
        server = TestServer.start(Map.of("tag.worldWidth", "300", "tag.worldHeight", "200"));
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

    /** Opens the lobby in {@code context} and picks the tag game. */
    private Page lobbyForTag(BrowserContext context, String name) {
        Page page = context.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        problems.add(PageProblems.watch(page));
        page.navigate("http://127.0.0.1:" + server.port() + "/");
        page.waitForSelector("#game-select option[value=tag]", new Page.WaitForSelectorOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        page.selectOption("#game-select", "tag");
        page.waitForFunction("() => document.getElementById('game-description').textContent.includes('tag someone')");
        page.fill("#name", name);
        return page;
    }

    private static Object state(Page page, String expression) {
        return page.evaluate("() => { const s = window.arena.state(); return " + expression + "; }");
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)));
    }

    @Test
    void playersOnOppositeTeamsTagAndEveryPageShowsItOnAPhoneToo() throws Exception {
        Browser browser = chromium.browser();
        try (BrowserContext annContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(960, 640));
             BrowserContext bobContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(960, 640));
             BrowserContext phone = browser.newContext(new Browser.NewContextOptions()
                     .setViewportSize(390, 844).setDeviceScaleFactor(3).setIsMobile(true).setHasTouch(true))) {
            Page ann = lobbyForTag(annContext, "ann");
            ann.click("#quick-join");
            ann.waitForFunction("() => window.arena.state().game === 'tag' && window.arena.state().playerId !== null");
            String room = (String) state(ann, "s.roomId");
            ann.waitForFunction("() => document.getElementById('tag-clock')?.textContent === 'Waiting for a second player'");

            Page bob = lobbyForTag(bobContext, BOB);
            bob.waitForSelector("#room-list li[data-room-id='" + room + "']");
            assertThat(bob.textContent("#room-list li[data-room-id='" + room + "'] .room-label"))
                    .contains("mode: teams", "red: 1", "blue: 0");
            bob.click("#room-list li[data-room-id='" + room + "'] button[data-action=join]");
            bob.waitForFunction("() => window.arena.state().playerId !== null");
            assertThat(state(bob, "s.roomId")).isEqualTo(room);

            // Each page sees both players, ann red and bob blue, and the round running.
            for (Page page : List.of(ann, bob)) {
                page.waitForFunction("bob => { const p = window.arena.state().entities.filter(e => e.kind === 1);"
                        + " return p.some(e => e.label === 'ann' && e.team === 0) && p.some(e => e.label === bob && e.team === 1); }",
                        BOB);
                page.waitForFunction("() => document.getElementById('tag-clock')?.dataset.phase === '1'");
                assertThat(page.textContent("#tag-clock")).startsWith("Round 1 · 1:");
                assertThat(page.textContent("#tag-teams")).isEqualTo("Red 0Blue 0");
                page.waitForSelector("#leaderboard li:has-text('B · " + BOB + "')");
            }
            screenshot(bob, "tag-start.png");

            // A third player, on a phone, joins from the room list: the teams are even, so red.
            Page cat = lobbyForTag(phone, "cat");
            cat.waitForSelector("#room-list li[data-room-id='" + room + "'] button[data-action=join]").tap();
            cat.waitForFunction("() => window.arena.state().entities.filter(e => e.kind === 1).length === 3"
                    + " && document.querySelector('#leaderboard li.own') !== null");
            assertThat(state(cat, "s.roomId")).isEqualTo(room);

            // Ann (red, on the left) runs right into bob: whoever of them is it, the touch is a tag.
            ann.bringToFront();
            ann.keyboard().down("ArrowRight");
            for (Page page : List.of(ann, bob, cat)) {
                page.waitForSelector("#tag-events li[data-kind=tagged]");
            }
            ann.keyboard().up("ArrowRight");
            for (Page page : List.of(ann, bob, cat)) {
                String banner = page.textContent("#tag-events li[data-kind=tagged]");
                assertThat(banner).matches("(ann tagged \\Q" + BOB + "\\E · Red|\\Q" + BOB + "\\E tagged ann · Blue) 1");
                assertThat(page.locator("#tag-events i").count()).as("the name stayed text").isZero();
                page.waitForFunction("() => [...document.querySelectorAll('#tag-teams .team')]"
                        + ".some(t => Number(t.dataset.score) >= 1)");
                page.waitForFunction("() => [...document.querySelectorAll('#leaderboard .score')]"
                        + ".some(s => Number(s.textContent) >= 1)");
            }
            assertThat(ann.locator("#tag-role").isVisible()).as("ann is it or runs from it").isTrue();
            screenshot(ann, "tag-ann.png");
            screenshot(bob, "tag-bob.png");
            screenshot(cat, "tag-phone.png");
            assertFitsThePhone(cat);

            assertThat(problems).allSatisfy(p -> assertThat(p.seen()).as("console of a page").isEmpty());
        }
    }

    /** The round panel, the banners, the scores, the HUD and Leave are on screen and clear of each other. */
    private static void assertFitsThePhone(Page page) {
        BoundingBox status = page.locator("#tag-status").boundingBox();
        BoundingBox events = page.locator("#tag-events").boundingBox();
        BoundingBox scores = page.locator("#scores").boundingBox();
        BoundingBox leave = page.locator("#leave").boundingBox();
        List<BoundingBox> boxes = new ArrayList<>(List.of(status, events, scores, leave));
        for (Locator item : page.locator("#hud span").all()) {
            boxes.add(item.boundingBox());
        }
        for (BoundingBox box : boxes) {
            assertThat(box.x).isGreaterThanOrEqualTo(0);
            assertThat(box.x + box.width).isLessThanOrEqualTo(390);
            assertThat(box.y + box.height).isLessThanOrEqualTo(844);
        }
        for (BoundingBox panel : List.of(status, events)) {
            for (BoundingBox other : List.of(scores, leave)) {
                assertThat(overlap(panel, other)).as("the tag panel covers scores or Leave").isFalse();
            }
        }
    }

    private static boolean overlap(BoundingBox a, BoundingBox b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    }
}
