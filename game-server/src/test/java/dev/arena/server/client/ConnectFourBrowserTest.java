package dev.arena.server.client;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import dev.arena.server.support.Http;
import dev.arena.server.support.TestClient;
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
import static org.awaitility.Awaitility.await;

/**
 * Connect Four in real Chromium pages on a real server that also runs the
 * arena: ann (desktop, clicks) and bob (a phone, taps) pick the game in the
 * lobby and quick-join one room; eve finds it in the room list as "playing"
 * and watches. An out-of-turn tap shows bob the server's refusal (and ann
 * nothing); ann wins in a column and every page shows the four discs; eve's
 * click is refused on her page; a rematch clears the board and a full column
 * is refused. Bob's name is HTML and stays text. No page logs an error.
 * Screenshots in {@code game-server/target/screenshots/connect4-*.png}.
 */
class ConnectFourBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final double TIMEOUT_MS = 15_000;
    /** A name that would be an element if the page wrote it as HTML. */
    private static final String BOB = "<i>bob</i>";

    private static TestServer server;
    private static Chromium chromium;
    private final List<PageProblems> problems = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch("ConnectFourBrowserTest");
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
        problems.add(PageProblems.watch(page));
        page.navigate("http://127.0.0.1:" + server.port() + "/");
        return page;
    }

    /** Picks Connect Four in the lobby and quick-joins as {@code name}. */
    private static void quickJoin(Page page, String name) {
        page.fill("#name", name);
        page.selectOption("#game-select", "connect4");
        page.click("#quick-join");
        page.waitForSelector("#c4-board");
    }

    private static void screenshot(Page page, String name) throws Exception {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)));
        assertThat(Files.size(SCREENSHOTS.resolve(name))).isGreaterThan(10_000);
    }

    /** Waits until the page's board shows {@code discs} discs. */
    private static void awaitDiscs(Page page, int discs) {
        page.waitForFunction("n => document.querySelectorAll('#c4-board .c4-cell:not([data-color=empty])').length === n",
                discs);
    }

    private static String column(int c) {
        return "#c4-board button[data-column='" + c + "']";
    }

    @Test
    void twoPagesPlayToAWinByClickingColumnsWhileAThirdWatchesEveryMove() throws Exception {
        Browser browser = chromium.browser();
        try (BrowserContext annContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(960, 640));
             BrowserContext bobContext = browser.newContext(new Browser.NewContextOptions()
                     .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true));
             BrowserContext eveContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(960, 640))) {
            Page ann = open(annContext);
            quickJoin(ann, "ann");
            ann.waitForFunction("() => document.getElementById('c4-status').textContent === 'Waiting for an opponent…'");
            String room = (String) ann.evaluate("() => window.arena.state().roomId");

            Page bob = open(bobContext);
            bob.fill("#name", BOB);
            bob.selectOption("#game-select", "connect4");
            bob.tap("#quick-join");
            bob.waitForSelector("#c4-board");
            assertThat(bob.evaluate("() => window.arena.state().roomId")).isEqualTo(room);
            // The clock counts down from connect4.turnSeconds (60).
            ann.waitForFunction("() => /^Your turn \\(red\\) · (60|59) s$/.test(document.getElementById('c4-status').textContent)");
            bob.waitForFunction("() => /^ann's turn \\(red\\) · (60|59) s$/.test(document.getElementById('c4-status').textContent)");
            ann.waitForFunction("name => document.getElementById('leaderboard').textContent.includes(name)", BOB);
            assertThat(ann.locator("#leaderboard i").count()).as("bob's name is text").isZero();

            // Eve finds the room in the lobby's list as playing, and watches it.
            await().atMost(TestClient.TIMEOUT).until(() -> Http.get(server, "/api/rooms?game=connect4&state=playing")
                    .body().getJsonArray("rooms").size() == 1);
            Page eve = open(eveContext);
            eve.fill("#name", "eve");
            eve.selectOption("#game-select", "connect4");
            String listed = "#room-list li[data-room-id='" + room + "']";
            eve.waitForFunction("sel => document.querySelector(sel)?.textContent.includes('state: playing')", listed);
            screenshot(eve, "connect4-lobby.png");
            eve.click(listed + " button[data-action='watch']");
            eve.waitForSelector("#c4-board");
            assertThat(eve.evaluate("() => window.arena.state().spectator")).isEqualTo(true);

            // Out of turn: bob is told why, by the server; ann is told nothing; the board stays empty.
            bob.tap(column(3));
            bob.waitForSelector("#c4-rejected:not([hidden])");
            assertThat(bob.textContent("#c4-rejected")).isEqualTo("Not your turn: wait for your opponent's move.");
            assertThat(bob.getAttribute("#c4-rejected", "data-reason")).isEqualTo("1");
            screenshot(bob, "connect4-phone-refused.png");
            assertThat(ann.isHidden("#c4-rejected")).isTrue();
            awaitDiscs(eve, 0);

            // Ann (red) wins in column 0; each move shows on all three pages.
            int[] columns = {0, 1, 0, 1, 0, 1, 0};
            for (int i = 0; i < columns.length; i++) {
                if (i % 2 == 0) {
                    ann.click(column(columns[i]));
                } else {
                    bob.tap(column(columns[i]));
                }
                for (Page page : List.of(ann, bob, eve)) {
                    awaitDiscs(page, i + 1);
                }
            }
            for (Page page : List.of(ann, bob, eve)) {
                page.waitForFunction("() => document.querySelectorAll('#c4-board .c4-cell[data-winning=true]').length === 4");
            }
            assertThat(ann.textContent("#c4-status")).isEqualTo("You win: four in a row!");
            assertThat(bob.textContent("#c4-status")).isEqualTo("ann (red) wins: four in a row.");
            assertThat(eve.textContent("#c4-status")).isEqualTo("ann (red) wins: four in a row.");
            assertThat(bob.isHidden("#c4-rejected")).as("the refusal went with the next move").isTrue();
            assertThat(eve.isHidden("#c4-rematch")).as("a spectator has no rematch").isTrue();
            screenshot(ann, "connect4-won.png");
            screenshot(eve, "connect4-spectator.png");

            // The board fits the phone, clear of the HUD's row and of the Leave button.
            BoundingBox board = bob.locator("#c4-board").boundingBox();
            assertThat(board.x).isGreaterThanOrEqualTo(0);
            assertThat(board.x + board.width).isLessThanOrEqualTo(390);
            assertThat(board.width).as("a board wide enough to tap").isGreaterThan(300);
            BoundingBox leave = bob.locator("#leave").boundingBox();
            BoundingBox scores = bob.locator("#scores").boundingBox();
            assertThat(board.y + board.height).isLessThanOrEqualTo(leave.y);
            assertThat(board.y).isGreaterThanOrEqualTo(scores.y + scores.height);
            screenshot(bob, "connect4-phone.png");

            // A spectator's click is refused on its own page: it may not send a move at all.
            eve.click(column(4));
            eve.waitForSelector("#c4-rejected:not([hidden])");
            assertThat(eve.textContent("#c4-rejected")).isEqualTo("You are watching: spectators cannot move.");
            assertThat(eve.evaluate("() => window.arena.state().phase")).isEqualTo("playing");

            // Both ask for a rematch: a clear board, bob (yellow) opens. A full column is refused.
            ann.click("#c4-rematch");
            bob.waitForFunction("() => document.getElementById('c4-rematch').textContent.startsWith('Rematch (ann')");
            bob.tap("#c4-rematch");
            awaitDiscs(eve, 0);
            bob.waitForFunction("() => document.getElementById('c4-status').textContent.startsWith('Your turn (yellow)')");
            for (int i = 0; i < 6; i++) {
                if (i % 2 == 0) {
                    bob.tap(column(6));
                } else {
                    ann.click(column(6));
                }
                awaitDiscs(ann, i + 1);
            }
            bob.waitForFunction("() => document.getElementById('c4-status').textContent.startsWith('Your turn')");
            bob.tap(column(6));
            bob.waitForFunction("() => document.getElementById('c4-rejected').textContent === 'Column 7 is full: pick another one.'");
            ann.waitForFunction("() => document.getElementById('leaderboard').textContent.includes('ann (red)1')");

            assertThat(problems).allSatisfy(p -> assertThat(p.seen()).as("console of a page").isEmpty());
        }
    }
}
