package dev.arena.server.client;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.support.Chromium;
import dev.arena.server.support.Players;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin page in real Chromium against a real server that has a
 * management token: it asks for the token, lists a bot's room and player,
 * kicks the player after the operator confirms (the bot gets 4016 with the
 * reason typed, and the player leaves the list), and sends a notice that the
 * game page in another browser shows as a banner, as text. The only console
 * problems allowed are the 401s before the token was given.
 */
class AdminPageBrowserTest {
    private static final double TIMEOUT_MS = 15_000;
    private static final String TOKEN = "5f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String NOTICE = "<b>Restart</b> in 5 minutes <img src=x onerror=\"window.pwned=1\">";

    private static TestServer server;
    private static Chromium chromium;
    private final List<PageProblems> problems = new ArrayList<>();
    private final List<BrowserContext> contexts = new ArrayList<>();
    private Players players;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch("AdminPageBrowserTest");
        // Frequent PINGs, so the player list shows a round trip soon.
        server = TestServer.start(Map.of("management.token", TOKEN, "session.pingIntervalMillis", "200"));
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

    @AfterEach
    void closePages() {
        contexts.forEach(BrowserContext::close);
        if (players != null) {
            players.close();
        }
    }

    private Page open(int port, String path) {
        BrowserContext context = chromium.browser().newContext();
        contexts.add(context);
        Page page = context.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        problems.add(PageProblems.watch(page));
        page.navigate("http://127.0.0.1:" + port + path);
        return page;
    }

    /** For a person to look at: game-server/target/screenshots/. */
    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots", name)));
    }

    /** The admin page, past its token prompt. */
    private Page adminWithToken() {
        Page admin = open(server.server.managementPort(), "/admin/");
        admin.waitForFunction("() => document.getElementById('status').textContent.includes('management token')");
        assertThat(admin.getAttribute("#status", "data-tone")).isEqualTo("bad");
        admin.fill("#token", TOKEN);
        admin.click("#token-form button[type=submit]");
        admin.waitForFunction("() => document.getElementById('status').textContent.startsWith('Updated')");
        assertThat(admin.inputValue("#token")).as("not left in the field").isEmpty();
        return admin;
    }

    @Test
    void theOperatorSeesTheBotsRoomAndPlayerAndKicksItAfterConfirming() throws Exception {
        players = new Players(server);
        // A room of its own (private rooms are listed too), whatever the other test left behind.
        TestClient bot = players.joined(new Join(ProtocolVersion.CURRENT, null, null, "bot <i>7</i>",
                Join.CREATE_PRIVATE, null));
        String room = bot.welcome.roomId();
        int player = bot.welcome.playerId();
        Page admin = adminWithToken();

        String roomRow = "#room-rows tr[data-room-id='" + room + "']";
        admin.waitForSelector(roomRow);
        assertThat(admin.textContent(roomRow + " td.players")).isEqualTo("1 / 20");
        assertThat(admin.textContent(roomRow + " .tag")).isEqualTo("private");
        assertThat(admin.isVisible("#node-column")).as("a lone server's rooms name no node").isFalse();
        assertThat(admin.isVisible(roomRow + " td.node")).isFalse();
        admin.click(roomRow + " button.room-link");
        String playerRow = "#player-rows tr[data-player-id='" + player + "']";
        admin.waitForSelector(playerRow);
        assertThat(admin.textContent(playerRow + " td.name")).as("a name is text").isEqualTo("bot <i>7</i>");
        assertThat(admin.locator(playerRow + " td.name i").count()).isZero();
        assertThat(admin.textContent(playerRow + " td.state")).isEqualTo("playing");
        assertThat(admin.textContent(playerRow + " td.address")).isEqualTo("127.0.0.1");

        admin.waitForFunction("sel => document.querySelector(sel + ' td:nth-child(6)').textContent !== '–'", playerRow);
        screenshot(admin, "admin-room.png");
        admin.click(playerRow + " button.kick");
        admin.waitForSelector("#confirm[open]");
        assertThat(admin.textContent("#confirm-text")).contains("Kick player " + player).contains(room);
        screenshot(admin, "admin-confirm-kick.png");
        admin.click("#confirm-cancel");
        admin.waitForSelector("#confirm", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
        assertThat(bot.isClosed()).as("cancelled: nothing happened").isFalse();

        admin.click(playerRow + " button.kick");
        admin.waitForSelector("#confirm[open]");
        admin.fill("#confirm-reason", "spamming the chat");
        admin.click("#confirm-ok");
        admin.waitForSelector(playerRow, new Page.WaitForSelectorOptions().setState(WaitForSelectorState.DETACHED));
        assertThat(admin.textContent("#outcome")).contains("Kicked player " + player);
        assertThat(bot.await(ErrorMessage.class)).isEqualTo(new ErrorMessage(CloseCodes.KICKED, "spamming the chat"));
        assertThat(bot.awaitClose()).isEqualTo(CloseCodes.KICKED);
        admin.waitForFunction("() => !document.getElementById('players-empty').hidden");

        assertThat(problems.get(0).seen()).as("the admin page's console: only the 401s before the token")
                .isNotEmpty().allMatch(p -> p.startsWith("HTTP 401 http://127.0.0.1:") || p.contains("401"));
    }

    @Test
    void aNoticeFromTheAdminPageIsABannerOnTheGamePageShownAsText() {
        Page game = open(server.port(), "/");
        game.fill("#name", "ann");
        game.click("#quick-join");
        game.waitForFunction("() => window.arena.state().phase === 'playing'");
        assertThat(game.isVisible("#notice")).isFalse();

        Page admin = adminWithToken();
        admin.fill("#notice-text", NOTICE);
        admin.click("#notice-form button[type=submit]");
        admin.waitForSelector("#confirm[open]");
        assertThat(admin.textContent("#confirm-text")).contains("every connection").contains(NOTICE);
        admin.click("#confirm-ok");
        admin.waitForFunction("() => document.getElementById('outcome').textContent.includes('Notice sent')");

        game.waitForSelector("#notice", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
        screenshot(game, "game-notice.png");
        assertThat(game.textContent("#notice-text")).isEqualTo(NOTICE);
        assertThat(game.locator("#notice-text *").count()).as("markup stays text").isZero();
        assertThat(game.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        assertThat(game.evaluate("() => window.arena.state().notice")).isEqualTo(NOTICE);
        assertThat(game.evaluate("() => window.arena.state().phase")).as("the game goes on").isEqualTo("playing");
        game.click("#notice-dismiss");
        assertThat(game.isVisible("#notice")).isFalse();

        assertThat(problems.get(0).seen()).as("the game page's console").isEmpty();
    }
}
