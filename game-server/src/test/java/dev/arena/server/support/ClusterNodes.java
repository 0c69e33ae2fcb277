package dev.arena.server.support;

import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Leave;
import dev.arena.server.protocol.Redirect;
import dev.arena.server.protocol.Welcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two clustered nodes in one JVM on loopback ({@link TestServer#startClustered}), and the
 * test clients of one test on them: clients follow a REDIRECT as a real client does, and
 * leave their rooms at the end of the test.
 */
public final class ClusterNodes implements AutoCloseable {
    public final TestServer a;
    public final TestServer b;
    /** The Hazelcast members of both nodes ({@code host:port,...}), for a third node that joins them. */
    public final String members;
    private final List<TestClient> clients = new ArrayList<>();

    private ClusterNodes(TestServer a, TestServer b, String members) {
        this.a = a;
        this.b = b;
        this.members = members;
    }

    /** Starts node a, then node b joining it, both with {@code settings}. */
    public static ClusterNodes start(Map<String, String> settings) throws Exception {
        int portA = TestServer.freePort();
        int portB = TestServer.freePort();
        String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
        TestServer a = TestServer.startClustered(portA, members, settings);
        try {
            return new ClusterNodes(a, TestServer.startClustered(portB, members, settings), members);
        } catch (Exception | Error e) {
            a.close();
            throw e;
        }
    }

    /** A client in the lobby of {@code node}, its upgrade carrying {@code headers}. */
    public TestClient client(TestServer node, Map<String, String> headers) throws Exception {
        return keep(TestClient.connect(node.vertx, node.port(), headers));
    }

    public TestClient client(TestServer node) throws Exception {
        return keep(TestClient.connect(node.vertx, node.port()));
    }

    /** A client made elsewhere (a RESUME, say), closed with the others. */
    public TestClient keep(TestClient client) {
        clients.add(client);
        return client;
    }

    /** Joins on {@code node}, following a REDIRECT to the other node as a client does; the client that joined. */
    public TestClient joined(TestServer node, Join join) throws Exception {
        TestClient c = client(node);
        c.send(join);
        var answer = c.awaitMessage(m -> m instanceof Welcome || m instanceof Redirect);
        if (answer instanceof Redirect redirect) {
            c = client(redirect.url().endsWith(":" + a.port() + "/ws") ? a : b);
            c.send(join.redirected(redirect));
            answer = c.await(Welcome.class);
        }
        c.welcome = (Welcome) answer;
        return c;
    }

    /** The node a room lives on: its id starts with that node's id. */
    public TestServer owner(String roomId) {
        return roomId.startsWith(a.server.clusterNodeId()) ? a : b;
    }

    public TestServer other(TestServer node) {
        return node == a ? b : a;
    }

    /**
     * LEAVE first: a connection closed without it holds its seat for the grace window, which would
     * leave seats taken in the rooms the next test joins. Ignored in the lobby and by closed sockets.
     */
    public void closeClients() {
        for (TestClient c : clients) {
            if (!c.isClosed()) {
                c.send(new Leave());
            }
            c.close();
        }
        clients.clear();
    }

    @Override
    public void close() throws Exception {
        closeClients();
        try {
            b.close();
        } finally {
            a.close();
        }
    }
}
