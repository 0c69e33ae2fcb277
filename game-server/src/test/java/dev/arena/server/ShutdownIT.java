package dev.arena.server;

import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.JarProcess;
import dev.arena.server.support.TestClient;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM on the real jar with no drain configured (the default): every
 * player gets ERROR 4007 then close 1001, the log says what happened, and
 * the JVM is gone within 3 s, even when a client never answers the close.
 */
class ShutdownIT {
    /** The promise of docs/OPERATIONS.md, "Shutdown". */
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(3);
    private static Vertx vertx;

    @BeforeAll
    static void clients() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeClients() {
        vertx.close().await();
    }

    @Test
    void playersGetErrorThenGoingAwayAndTheJvmExitsWithinThreeSecondsOfSigterm() throws Exception {
        try (JarProcess server = JarProcess.startServer();
             TestClient ann = TestClient.connect(vertx, server.httpPort());
             TestClient bob = TestClient.connect(vertx, server.httpPort());
             TestClient lobby = TestClient.connect(vertx, server.httpPort());
             Socket silent = upgradeAndNeverAnswer(server.httpPort())) {
            for (TestClient player : new TestClient[] {ann, bob}) {
                player.send(new Join(null, "p"));
                player.await(Welcome.class);
                player.await(Snapshot.class);
            }

            long start = System.nanoTime();
            server.terminate();
            int status = server.awaitExit(Duration.ofSeconds(30));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(tookMillis).as("from SIGTERM to the JVM's exit (status %d)", status)
                    .isLessThan(EXIT_WITHIN.toMillis());
            for (TestClient client : new TestClient[] {ann, bob, lobby}) {
                ErrorMessage error = client.await(ErrorMessage.class);
                assertThat(error).isEqualTo(new ErrorMessage(CloseCodes.SHUTTING_DOWN, "the server is shutting down"));
                assertThat(client.awaitClose()).isEqualTo(CloseCodes.GOING_AWAY);
            }
            assertThat(server.output()).anyMatch(l -> l.contains("stopping: /ready fails now, players are disconnected now"))
                    .anyMatch(l -> l.contains("disconnected 2 players in 1 rooms (4 connections in all)"))
                    .anyMatch(l -> Pattern.compile("stopped in \\d+ ms").matcher(l).find());
        }
    }

    /** A WebSocket client that completes the upgrade and then never reads or answers again. */
    private static Socket upgradeAndNeverAnswer(int port) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder response = new StringBuilder();
        while (!response.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("closed during the upgrade: " + response);
            }
            response.append((char) b);
        }
        assertThat(response.toString()).startsWith("HTTP/1.1 101");
        return socket;
    }
}
