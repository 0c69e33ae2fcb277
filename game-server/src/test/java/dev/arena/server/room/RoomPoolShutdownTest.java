package dev.arena.server.room;

import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that stops with rooms ticking closes its room pool last: a room's
 * context that still holds tasks when Vert.x closes it hands them to the
 * pool, which must still take them. (Vert.x releases each room's reference
 * to the shared pool as it starts closing the room's context; the last room
 * to go used to shut the pool down under its own queued tasks, and a
 * RejectedExecutionException escaped on an {@code arena-rooms} thread.)
 */
class RoomPoolShutdownTest {
    private final List<Throwable> escaped = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler before;

    @BeforeEach
    void watchForEscapes() {
        before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> escaped.add(e));
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @RepeatedTest(40)
    void stoppingWithRoomsTickingLetsNothingEscapeTheRoomThreads() throws Exception {
        List<TestClient> clients = new ArrayList<>();
        try (TestServer server = TestServer.start(Map.of("room.capacity", "1", "room.tickHz", "60"))) {
            for (int i = 0; i < 8; i++) {
                TestClient client = TestClient.connect(server.vertx, server.port());
                clients.add(client);
                client.send(new Join(null, "p" + i));
            }
            for (TestClient client : clients) {
                client.await(Snapshot.class);
            }
        } finally {
            for (TestClient client : clients) {
                client.close();
            }
        }
        assertThat(escaped).isEmpty();
    }
}
