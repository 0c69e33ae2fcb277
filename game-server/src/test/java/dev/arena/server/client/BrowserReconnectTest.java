package dev.arena.server.client;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.arena.server.support.Chromium;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A player whose network goes away for a few seconds comes back as the same
 * player: two real Chromium pages in one room, one goes offline
 * ({@code BrowserContext.setOffline}, which Chromium applies to an open
 * WebSocket by delivering nothing: the page must notice the silence itself)
 * and comes back. It shows "Reconnecting…" meanwhile, resumes with the same
 * player id and score, and the other page never sees it disappear.
 */
class BrowserReconnectTest {
    private static final double TIMEOUT_MS = 20_000;

    private static TestServer server;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch("BrowserReconnectTest");
        // Orbs are collected from anywhere in the world by the first player: her score climbs every tick.
        server = TestServer.start(Map.of("arena.collectRadius", "3000"));
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

    private static Page open(BrowserContext context, List<PageProblems> problems) {
        Page page = context.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        problems.add(PageProblems.watch(page));
        page.navigate("http://127.0.0.1:" + server.port() + "/");
        return page;
    }

    private static Object state(Page page, String expression) {
        return page.evaluate("() => { const s = window.arena.state(); return " + expression + "; }");
    }

    private static long ownScore(Page page) {
        return ((Number) state(page, "s.entities.find(e => e.id === s.playerId).score")).longValue();
    }

    @Test
    void aPageThatGoesOfflineForAFewSecondsComesBackAsTheSamePlayerAndNobodySeesItLeave() throws Exception {
        Browser browser = chromium.browser();
        try (BrowserContext annContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(960, 640));
             BrowserContext bobContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(960, 640))) {
            List<PageProblems> problems = new ArrayList<>();
            Page ann = open(annContext, problems);
            ann.fill("#name", "ann");
            ann.click("#quick-join");
            ann.waitForFunction("() => { const s = window.arena.state();"
                    + " return s.playerId !== null && s.entities.some(e => e.id === s.playerId && e.score > 0); }");
            int annId = ((Number) state(ann, "s.playerId")).intValue();
            String roomId = (String) state(ann, "s.roomId");

            Page bob = open(bobContext, problems);
            bob.fill("#name", "bob");
            bob.fill("#room-id", roomId);
            bob.click("#join-room");
            bob.waitForFunction("id => window.arena.state().entities.some(e => e.id === id)", annId);
            // Bob's page notes every moment it does not see Ann, from now on.
            bob.evaluate("id => { window.annMissing = 0; setInterval(() => {"
                    + " if (!window.arena.state().entities.some(e => e.id === id)) window.annMissing++; }, 10); }", annId);

            long scoreBefore = ownScore(ann);
            annContext.setOffline(true);
            // The page notices the silence, says so, and tries again and again while the network is away.
            ann.waitForFunction("() => window.arena.state().phase === 'reconnecting'");
            assertThat(ann.textContent("#status")).startsWith("Reconnecting…");
            assertThat(ann.isVisible("#overlay")).as("the last picture stays, under the overlay").isTrue();
            assertThat(ann.isVisible("#rejoin")).as("no Rejoin while the seat is held").isFalse();
            ann.waitForFunction("() => { const r = window.arena.state().reconnect; return r !== null && r.attempt >= 3; }");
            assertThat(ann.textContent("#overlay-text")).matches("Reconnecting… \\(attempt \\d+\\)");
            annContext.setOffline(false);

            ann.waitForFunction("() => window.arena.state().phase === 'playing' && window.arena.state().resumes === 1");
            assertThat(((Number) state(ann, "s.playerId")).intValue()).as("the same player").isEqualTo(annId);
            assertThat(state(ann, "s.roomId")).isEqualTo(roomId);
            ann.waitForFunction("() => window.arena.state().tick !== null");
            assertThat(ownScore(ann)).as("her score, kept (and still climbing)").isGreaterThanOrEqualTo(scoreBefore);
            bob.waitForFunction("([id, score]) => { const e = window.arena.state().entities.find(e => e.id === id);"
                    + " return e && e.score > score; }", new Object[]{annId, (int) scoreBefore});
            assertThat(((Number) bob.evaluate("() => window.annMissing")).intValue())
                    .as("moments Bob's page did not show Ann").isZero();
            assertThat(server.counter("arena.resumes", "result", "resumed")
                    + server.counter("arena.resumes", "result", "taken_over")).isEqualTo(1);
            assertThat(server.counter("arena.resumes", "result", "expired")
                    + server.counter("arena.resumes", "result", "unknown")).isZero();

            // While offline, Chromium reports each failed connection attempt; nothing else may show.
            assertThat(problems.get(1).seen()).as("console of Bob's page").isEmpty();
            assertThat(problems.get(0).seen()).as("console of Ann's page, past the refused connections while offline")
                    .allMatch(p -> p.contains("WebSocket connection to 'ws://127.0.0.1:" + server.port() + "/ws' failed")
                            || p.startsWith("request failed: ws://"));
        }
    }
}
