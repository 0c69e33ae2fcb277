package dev.arena.server.transport.tls;

import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.SelfSignedPem;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.PemTrustOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server started with {@code http.tls.certPath} and {@code http.tls.keyPath}
 * speaks https and wss on its one game port, and nothing else: a wss player
 * plays, the page and the room list come over https with
 * Strict-Transport-Security, and plain http or ws gets no answer.
 */
class TlsGameplayTest {
    @TempDir
    static Path dir;
    private static SelfSignedPem certificate;
    private static TestServer server;
    /** Held in a field: Vert.x 5 closes a client that is garbage-collected. */
    private static HttpClientAgent https;

    @BeforeAll
    static void start() throws Exception {
        certificate = SelfSignedPem.createRsa("arena.test");
        server = TestServer.start(certificate.serverSettingsIn(dir));
        https = server.vertx.createHttpClient(new HttpClientOptions().setSsl(true).setVerifyHost(false)
                .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(certificate.certificatePem()))));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static HttpClientResponse get(String path) throws Exception {
        return https.request(HttpMethod.GET, server.port(), "127.0.0.1", path)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response))
                .await(10, TimeUnit.SECONDS);
    }

    @Test
    void aWssPlayerJoinsGetsItsWelcomeAndSnapshotAndItsInputsMoveItsPlayer() throws Exception {
        assertThat(server.server.tls()).isTrue();
        try (TestClient ann = TestClient.connectSecure(server.vertx, server.port(), certificate.certificatePem())) {
            ann.send(new Join(null, "ann"));
            Welcome welcome = ann.await(Welcome.class);
            ann.await(Snapshot.class);
            int annId = welcome.playerId();
            assertThat(ann.world.get(annId).label()).isEqualTo("ann");

            int startX = ann.world.get(annId).fields()[ArenaGame.FIELD_X];
            float dx = startX > 4000 ? -1f : 1f;
            ann.send(new Input(1, dx, 0f, 0));
            ann.awaitWorld(w -> w.get(annId).fields()[ArenaGame.FIELD_LAST_SEQ] == 1
                    && Math.signum(w.get(annId).fields()[ArenaGame.FIELD_X] - startX) == Math.signum(dx));
            assertThat(ann.isClosed()).isFalse();
        }
    }

    @Test
    void thePageAndTheRoomListComeOverHttpsWithStrictTransportSecurity() throws Exception {
        HttpClientResponse page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.getHeader("Content-Type")).startsWith("text/html");
        assertThat(page.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");

        HttpClientResponse rooms = get("/api/rooms");
        assertThat(rooms.statusCode()).isEqualTo(200);
        assertThat(rooms.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    }

    @Test
    void plainHttpOnTheTlsPortGetsNoHttpAnswer() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = readUntilClosed(socket.getInputStream());
            assertThat(answer).as("what the TLS port answered a plain request").doesNotContain("HTTP/");
        }
    }

    @Test
    void aPlainWebSocketCannotConnectToTheTlsPort() {
        assertThatThrownBy(() -> TestClient.connect(server.vertx, server.port()).close())
                .as("ws:// to a wss-only port");
    }

    @Test
    void aWssClientThatDoesNotTrustTheServedCertificateIsRefusedTheHandshake() throws Exception {
        // The trusted-certificate check of connectSecure is real: with another certificate it fails.
        String other = SelfSignedPem.create("other.test").certificatePem();
        assertThatThrownBy(() -> TestClient.connectSecure(server.vertx, server.port(), other).close());
    }

    /** Everything the peer sends until it closes the connection (a reset counts as closed). */
    private static String readUntilClosed(InputStream in) throws Exception {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // Closed by the server with a reset: what came before is the whole answer.
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }
}
