package dev.arena.server.client;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.game.arena.ArenaSettings;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.support.Chromium;
import dev.arena.server.support.SelfSignedPem;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser client over TLS: Chromium loads the page from https, the page
 * opens its WebSocket over wss on the same port, joins a room with a wss
 * player written in Java, and keys pressed in the page move its player as
 * the other player sees it. The certificate is self-signed, so Chromium runs
 * with {@code --ignore-certificate-errors}.
 */
class SecureBrowserEndToEndTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final double TIMEOUT_MS = 15_000;

    @TempDir
    static Path dir;
    private static SelfSignedPem certificate;
    private static TestServer server;
    private static Chromium chromium;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch("SecureBrowserEndToEndTest", "--ignore-certificate-errors");
        browser = chromium.browser();
        certificate = SelfSignedPem.create("arena.test");
        server = TestServer.start(certificate.serverSettingsIn(dir));
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

    @Test
    void thePageComesOverHttpsPlaysOverWssAndMeetsAJavaPlayerInOneRoom() throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(960, 640))) {
            Page page = context.newPage();
            page.setDefaultTimeout(TIMEOUT_MS);
            List<String> sockets = new CopyOnWriteArrayList<>();
            page.onWebSocket(ws -> sockets.add(ws.url()));
            String origin = "https://127.0.0.1:" + server.port();
            Response response = page.navigate(origin + "/");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headerValue("strict-transport-security")).isEqualTo("max-age=31536000");

            page.fill("#name", "ann");
            page.click("#quick-join");
            page.waitForFunction("() => window.arena.state().playerId !== null && window.arena.state().entities.length > 0");
            assertThat(sockets).as("the page's WebSocket").containsExactly("wss://127.0.0.1:" + server.port() + "/ws");
            String roomId = (String) page.evaluate("() => window.arena.state().roomId");
            int annId = ((Number) page.evaluate("() => window.arena.state().playerId")).intValue();

            try (TestClient bob = TestClient.connectSecure(server.vertx, server.port(), certificate.certificatePem())) {
                bob.send(new Join(roomId, "bob"));
                bob.await(Snapshot.class);
                int bobId = bob.welcome.playerId();
                assertThat(bob.world.get(annId).label()).isEqualTo("ann");
                page.waitForFunction("id => window.arena.state().entities.some(e => e.id === id && e.label === 'bob')", bobId);

                // Ann holds the arrow key towards the far side; Bob, over his own wss connection, sees her move.
                int startX = bob.world.get(annId).fields()[ArenaGame.FIELD_X];
                ArenaSettings arena = ArenaSettings.from(server.config.game("arena").settings());
                boolean right = startX < arena.worldWidth() * arena.positionScale() / 2;
                String key = right ? "ArrowRight" : "ArrowLeft";
                int far = 60 * arena.positionScale();
                page.keyboard().down(key);
                bob.awaitWorld(w -> right ? w.get(annId).fields()[ArenaGame.FIELD_X] > startX + far
                        : w.get(annId).fields()[ArenaGame.FIELD_X] < startX - far);
                page.keyboard().up(key);
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("ann-over-tls.png")));
            }
            assertThat(page.evaluate("() => location.protocol")).isEqualTo("https:");
        }
    }
}
