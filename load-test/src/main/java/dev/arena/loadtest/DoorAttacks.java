package dev.arena.loadtest;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The attacks of the {@code hostile} command at the door, before any
 * WebSocket exists (docs/SECURITY.md "Admission"): sockets that say nothing
 * or half a request, upgrades from foreign origins, and one address opening
 * WebSockets until the server refuses.
 */
final class DoorAttacks {
    /** The longest a silent socket is watched: the default handshake timeout (5 s) and then some. */
    private static final int SILENT_WATCH_MILLIS = 15_000;
    /** The flood stops here even if the server never refuses. */
    private static final int MAX_FLOOD = 256;

    private final URI url;

    DoorAttacks(URI url) {
        this.url = url;
    }

    List<AttackResult> all() throws IOException {
        List<AttackResult> results = new ArrayList<>(silentAndHalfOpen());
        results.add(origin("foreign-origin", "https://evil.example"));
        results.add(origin("null-origin", "null"));
        results.add(perAddressFlood());
        return results;
    }

    /** Both sockets wait at once, so the run waits one handshake timeout, not two. */
    List<AttackResult> silentAndHalfOpen() throws IOException {
        try (RawConnection silent = new RawConnection(url, SILENT_WATCH_MILLIS);
             RawConnection half = new RawConnection(url, SILENT_WATCH_MILLIS)) {
            half.send(half.upgradeRequest("", true));
            long silentMillis = silent.awaitServerClose();
            long halfMillis = half.awaitServerClose();
            return List.of(closedIn("silent-socket", "a TCP connection that sends nothing", silentMillis),
                    closedIn("half-request", "an upgrade request without its final empty line", halfMillis));
        }
    }

    private static AttackResult closedIn(String name, String tried, long millis) {
        return new AttackResult(name, tried, "closed by the server within the handshake timeout (default 5 s)",
                millis < 0 ? "still open after " + SILENT_WATCH_MILLIS / 1000 + " s" : "closed after " + millis + " ms",
                millis >= 0);
    }

    AttackResult origin(String name, String origin) throws IOException {
        try (RawConnection connection = new RawConnection(url, 5000)) {
            RawConnection.Response response = connection.upgrade("Origin: " + origin + "\r\n");
            return new AttackResult(name, "an upgrade with Origin: " + origin, "HTTP 403 origin, no 101",
                    response.toString(), response.status() == 403 && "origin".equals(response.refusal()));
        }
    }

    /**
     * Opens WebSockets from this one address until the server answers
     * otherwise than 101 (or {@link #MAX_FLOOD} are open), then closes them
     * and waits until an upgrade is admitted again, so later attacks and the
     * bots find their slots back.
     */
    AttackResult perAddressFlood() throws IOException {
        List<RawConnection> open = new ArrayList<>();
        RawConnection.Response refused = null;
        try {
            while (open.size() < MAX_FLOOD && refused == null) {
                RawConnection connection = new RawConnection(url, 5000);
                RawConnection.Response response = connection.upgrade("");
                if (response.status() == 101) {
                    open.add(connection);
                } else {
                    refused = response;
                    connection.close();
                }
            }
        } finally {
            for (RawConnection c : open) {
                c.close();
            }
        }
        awaitAdmittedAgain();
        String outcome = refused == null ? MAX_FLOOD + " upgrades admitted, none refused"
                : open.size() + " upgrades admitted (besides the bots'), then " + refused;
        return new AttackResult("per-ip-flood", "WebSocket upgrades from one address until refused (at most "
                + MAX_FLOOD + ")", "HTTP 503 per_ip once the address holds http.maxConnectionsPerIp (default 32)",
                outcome, refused != null && refused.status() == 503 && "per_ip".equals(refused.refusal()));
    }

    /** The server frees a slot when it sees the socket close: try (at most 100 times) until one is admitted. */
    private void awaitAdmittedAgain() throws IOException {
        for (int i = 0; i < 100; i++) {
            try (RawConnection probe = new RawConnection(url, 5000)) {
                if (probe.upgrade("").status() == 101) {
                    return;
                }
            }
        }
    }
}
