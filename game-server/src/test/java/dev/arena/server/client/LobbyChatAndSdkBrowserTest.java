package dev.arena.server.client;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.arena.server.support.Chromium;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lobby and the SDK in real Chromium pages against a real server: a
 * private room made in one page and joined with its code in another, chat
 * between them shown as text (a line of HTML stays text), a spectator
 * watching by code and one watching from the room list, and the SDK's
 * smallest page, which has one import and no game folder. No page logs an
 * error, throws or gets a 4xx/5xx response.
 */
class LobbyChatAndSdkBrowserTest {
    private static final double TIMEOUT_MS = 15_000;
    /** A chat line a hostile player might send: if it were HTML, the page would set window.pwned. */
    private static final String HOSTILE = "<img src=x onerror=\"window.pwned=1\"><b>hi</b>";

    private static TestServer server;
    private static Chromium chromium;
    private final List<PageProblems> problems = new ArrayList<>();
    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch("LobbyChatAndSdkBrowserTest");
        server = TestServer.start(Map.of());
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

    private Page open(String path) {
        BrowserContext context = chromium.browser().newContext();
        contexts.add(context);
        Page page = context.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        problems.add(PageProblems.watch(page));
        page.navigate("http://127.0.0.1:" + server.port() + path);
        return page;
    }

    /** For a person to look at: game-server/target/screenshots/. */
    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots", name)));
    }

    private static Object state(Page page, String expression) {
        return page.evaluate("() => { const s = window.arena.state(); return " + expression + "; }");
    }

    private void assertCleanConsolesAndClose() {
        try {
            assertThat(problems).allSatisfy(p -> assertThat(p.seen()).as("console of a page").isEmpty());
        } finally {
            contexts.forEach(BrowserContext::close);
        }
    }

    @Test
    void aPrivateRoomIsSharedByItsCodeItsChatIsTextAndASpectatorWatchesByCode() {
        Page ann = open("/");
        ann.fill("#name", "ann");
        ann.click("#create-private");
        ann.waitForFunction("() => window.arena.state().privateCode !== null && window.arena.state().entities.length > 0");
        String code = (String) state(ann, "s.privateCode");
        String room = (String) state(ann, "s.roomId");
        assertThat(ann.textContent("#room-code-value")).isEqualTo(code);
        assertThat(ann.isVisible("#room-code")).isTrue();

        Page bob = open("/");
        bob.fill("#name", "bob");
        bob.fill("#private-code", code.toLowerCase(Locale.ROOT));
        bob.click("#join-code");
        bob.waitForFunction("() => window.arena.state().playerId !== null");
        assertThat(state(bob, "s.roomId")).isEqualTo(room);

        Page eve = open("/");
        eve.fill("#name", "eve");
        eve.fill("#private-code", code);
        eve.click("#watch-code");
        eve.waitForFunction("() => window.arena.state().spectator && window.arena.state().entities"
                + ".filter(e => e.label === 'ann' || e.label === 'bob').length === 2");
        assertThat(state(eve, "s.playerId")).isEqualTo(0);
        assertThat(eve.isVisible("#spectating")).isTrue();
        assertThat(eve.locator("#chat-input").count()).as("a spectator reads the chat but cannot write").isZero();

        // Ann's line reaches Bob and Eve as text: no element made of it, no script run.
        ann.fill("#chat-input", HOSTILE);
        ann.press("#chat-input", "Enter");
        for (Page page : List.of(ann, bob, eve)) {
            page.waitForFunction("text => [...document.querySelectorAll('#chat-log .chat-text')]"
                    + ".some(e => e.textContent === text)", HOSTILE);
            assertThat(page.evaluate("() => document.querySelector('#chat-log img, #chat-log b') === null"
                    + " && window.pwned === undefined")).as("the chat line stayed text").isEqualTo(true);
            assertThat(page.textContent("#chat-log li:last-child .chat-name")).isEqualTo("ann");
        }
        assertThat(ann.inputValue("#chat-input")).as("the box is emptied once sent").isEmpty();
        screenshot(bob, "chat.png");
        assertThat(ann.getAttribute("#chat-input", "maxlength")).as("arena.chatMaxLength").isEqualTo("200");
        assertCleanConsolesAndClose();
    }

    @Test
    void theLobbyListsTheGameAndItsRoomsAndAPlayerWatchesFromTheList() {
        Page carl = open("/");
        carl.fill("#name", "carl");
        carl.click("#quick-join");
        carl.waitForFunction("() => window.arena.state().playerId !== null");
        String room = (String) state(carl, "s.roomId");

        Page dana = open("/");
        dana.waitForFunction("() => document.querySelector('#game-select option[value=arena]') !== null");
        assertThat(dana.inputValue("#game-select")).isEqualTo("arena");
        dana.waitForSelector("#room-list li[data-room-id='" + room + "']");
        screenshot(dana, "lobby.png");
        assertThat(dana.textContent("#game-description")).contains("orbs");
        dana.waitForSelector("#room-list li[data-room-id='" + room + "'] button[data-action='watch']").click();
        dana.waitForFunction("() => window.arena.state().spectator");
        assertThat(state(dana, "s.roomId")).isEqualTo(room);
        dana.waitForFunction("() => window.arena.state().entities.some(e => e.label === 'carl')");
        assertThat(state(dana, "s.ownPosition")).as("a spectator has no player").isNull();
        assertThat(dana.textContent("#status")).startsWith("Watching arena room " + room);
        assertCleanConsolesAndClose();
    }

    @Test
    void theSdksSmallestPageJoinsWithOneImportAndNoGameFolder() {
        Page page = open("/examples/minimal.html");
        page.click("#join");
        page.waitForFunction("() => document.getElementById('phase').textContent === 'playing'"
                + " && Number(document.getElementById('count').textContent) > 1");
        assertThat(page.textContent("#room")).startsWith("arena r");
        assertThat(page.textContent("#entities")).contains("\"sdk\" (you)");
        assertCleanConsolesAndClose();
    }
}
