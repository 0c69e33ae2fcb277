package dev.arena.server.support;

import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The test clients of one test on one server, all closed together. */
public final class Players implements AutoCloseable {
    private final TestServer server;
    private final List<TestClient> clients = new ArrayList<>();

    public Players(TestServer server) {
        this.server = server;
    }

    /** A connected client in the lobby. */
    public TestClient connect() throws Exception {
        TestClient client = TestClient.connect(server.vertx, server.port());
        clients.add(client);
        return client;
    }

    /** A connected client in the lobby, its upgrade carrying {@code headers}. */
    public TestClient connect(Map<String, String> headers) throws Exception {
        TestClient client = TestClient.connect(server.vertx, server.port(), headers);
        clients.add(client);
        return client;
    }

    /** A client that sent {@code join}; what follows is the test's to await. */
    public TestClient send(Join join) throws Exception {
        TestClient client = connect();
        client.send(join);
        return client;
    }

    /** A client seated (or watching) by {@code join}: its WELCOME and first SNAPSHOT are in. */
    public TestClient joined(Join join) throws Exception {
        TestClient client = send(join);
        client.await(Welcome.class);
        client.await(Snapshot.class);
        return client;
    }

    /** The player of {@code previous}, back on a new connection with RESUME; what follows is the test's to await. */
    public TestClient resumed(TestClient previous) throws Exception {
        TestClient client = TestClient.resume(server.vertx, server.port(), previous);
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(TestClient::close);
    }
}
