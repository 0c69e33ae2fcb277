package dev.arena.server.transport;

import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Ping;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Peers that vanish without a FIN or RST (a phone that lost its network)
 * leave a connection that TCP calls open: the server finds them by their
 * missing PONGs, and the kernel by keepalive probes.
 */
class DeadPeerTest {
    private static final int PING_MILLIS = 100;
    private static final int PONG_TIMEOUT_MILLIS = 300;
    /** An {@code ss} line with nothing queued either way: Recv-Q and Send-Q 0. */
    private static final Pattern IDLE = Pattern.compile("^0\\s+0\\s");

    @Test
    void aSeatedClientThatAnswersNoPingIsClosedWith4010AndItsSeatIsHeld() throws Exception {
        try (TestServer server = TestServer.start(Map.of("session.pingIntervalMillis", String.valueOf(PING_MILLIS),
                "session.pongTimeoutMillis", String.valueOf(PONG_TIMEOUT_MILLIS)));
             TestClient ann = TestClient.connect(server.vertx, server.port());
             TestClient bob = TestClient.connect(server.vertx, server.port())) {
            ann.send(new Join(null, "ann"));
            String room = ann.await(Welcome.class).roomId();
            ann.await(Snapshot.class);
            bob.send(new Join(room, "bob"));
            bob.await(Welcome.class);
            int annId = ann.welcome.playerId();
            bob.awaitWorld(w -> w.get(annId) != null);
            // Answering, Ann stays well past the timeout.
            for (int i = 0; i < 2 * PONG_TIMEOUT_MILLIS / PING_MILLIS; i++) {
                ann.await(Ping.class);
            }
            assertThat(ann.isClosed()).isFalse();

            ann.stopAnsweringPings();
            ErrorMessage error = ann.await(ErrorMessage.class);
            assertThat(error.code()).isEqualTo(CloseCodes.PEER_TIMEOUT);
            assertThat(error.message()).contains(PONG_TIMEOUT_MILLIS + " ms");
            assertThat(ann.awaitClose()).isEqualTo(CloseCodes.PEER_TIMEOUT);
            assertThat(server.counter("arena.connections.closed", "reason", "peer_timeout")).isEqualTo(1);

            // A drop like any other: Bob still sees her, and she may come back.
            bob.awaitWorld(w -> w.tick() > ann.world.tick() + 3);
            assertThat(bob.world.get(annId)).isNotNull();
            try (TestClient back = TestClient.resume(server.vertx, server.port(), ann)) {
                assertThat(back.await(Welcome.class).playerId()).isEqualTo(annId);
            }
        }
    }

    @Test
    void aClientInTheLobbyIsNotExpectedToAnswer() throws Exception {
        try (TestServer server = TestServer.start(Map.of("session.pingIntervalMillis", String.valueOf(PING_MILLIS),
                "session.pongTimeoutMillis", String.valueOf(PONG_TIMEOUT_MILLIS)));
             TestClient idle = TestClient.connect(server.vertx, server.port())) {
            idle.stopAnsweringPings();
            for (int i = 0; i < 3 * PONG_TIMEOUT_MILLIS / PING_MILLIS; i++) {
                idle.await(Ping.class);
            }
            assertThat(idle.isClosed()).as("the join timeout, not the PONG timeout, ends an idle lobby").isFalse();
        }
    }

    @Test
    void playerSocketsHaveTcpKeepaliveOn() throws Exception {
        Path ss = Path.of("/usr/bin/ss");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!Files.isExecutable(ss)) {
            assertThat(ci).as("CI=true and /usr/bin/ss (iproute2) is missing").isFalse();
            assumeTrue(false, "/usr/bin/ss (iproute2) is missing");
        }
        try (TestServer server = TestServer.start(Map.of());
             TestClient client = TestClient.connect(server.vertx, server.port())) {
            client.send(new Ping(1));
            client.await(dev.arena.server.protocol.Pong.class);
            // The server's end of the connection (local port = the game port). While bytes wait for their ACK the
            // timer shown is the retransmission one; once idle, it is keepalive's.
            String sample = "";
            for (int i = 0; i < 100 && !IDLE.matcher(sample).find(); i++) {
                Process process = new ProcessBuilder(ss.toString(), "-tnoH", "state", "established",
                        "( sport = :" + server.port() + " )").redirectErrorStream(true).start();
                sample = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertThat(process.waitFor()).isZero();
            }
            assertThat(sample).as("ss -tno of the server's side, idle").containsPattern(IDLE).contains("timer:(keepalive");
        }
    }
}
