package dev.arena.loadtest;

import dev.arena.server.protocol.ClientMessage;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Ping;
import dev.arena.server.protocol.ProtocolException;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The attacks of the {@code hostile} command that speak WebSocket: each
 * opens its own connections, misbehaves, and records how the server closed
 * them (PROTOCOL.md "Close codes").
 */
final class FrameAttacks {
    /** A JOIN (PROTOCOL.md, version 2) up to its name: the tag, version 2, no game, no room id. */
    private static final String JOIN_HEAD = "01" + "02" + "80" + "80";
    /**
     * Invalid string encodings in a JOIN's name (protocol/vectors/invalid/strings.json has more), after
     * {@link #JOIN_HEAD}.
     */
    private static final Map<String, String> BAD_STRINGS = Map.of(
            "lone high surrogate", JOIN_HEAD + "82eda0bd",
            "overlong NUL", JOIN_HEAD + "82c080",
            "bad continuation byte", JOIN_HEAD + "82c341",
            "length not in its shortest form", JOIN_HEAD + "c20061");
    /** Twelve 0x80 bytes as a name: Kryo's reader once returned the previous JOIN's text for them. */
    private static final String LEAK_PROBE = JOIN_HEAD + "8d" + "80".repeat(12);
    private static final String CANARY = "Qx7canaryNme";

    private final HttpClient http = HttpClient.newHttpClient();
    private final FrameCodec codec = new FrameCodec();
    private final URI url;
    private final SplittableRandom random;

    FrameAttacks(URI url, long seed) {
        this.url = url;
        this.random = new SplittableRandom(seed);
    }

    List<AttackResult> all() throws Exception {
        return List.of(garbage(), badStrings(), leakProbe(), textFrame(), oversize(), messageFlood(), pingFlood(),
                inputBeforeJoin(), joinTwice());
    }

    AttackResult garbage() throws Exception {
        int frames = 20;
        Closes closes = new Closes();
        for (int i = 0; i < frames; i++) {
            byte[] frame = refusedGarbage();
            closes.add(closeOf(p -> p.send(frame)));
        }
        return result("garbage-frames", frames + " connections, each one random binary frame the protocol refuses",
                "each closed 1002", closes, Set.of("1002"));
    }

    AttackResult badStrings() throws Exception {
        Closes closes = new Closes();
        for (String hex : BAD_STRINGS.values()) {
            closes.add(closeOf(p -> p.send(HexFormat.of().parseHex(hex))));
        }
        return result("bad-strings", "JOIN names with " + String.join(", ", BAD_STRINGS.keySet()),
                "each closed 1002 (bad_string)", closes, Set.of("1002"));
    }

    AttackResult leakProbe() throws Exception {
        // The canary JOIN goes on the same connection, so the same codec decodes it just before the probe.
        try (Probe probe = Probe.open(http, url)) {
            probe.send(codec.encode(new Join("no-such-room-" + CANARY, CANARY)));
            // Wait (at most 5 s) for the canary's ERROR (4001 unknown room): the canary has been decoded then.
            int before = 0;
            for (int i = 0; i < 25 && before == 0 && probe.awaitClose(Duration.ofMillis(200)) == null; i++) {
                before = probe.received().size();
            }
            probe.send(HexFormat.of().parseHex(LEAK_PROBE));
            Probe.Closed closed = probe.awaitClose();
            boolean leaked = false;
            for (byte[] frame : probe.received().subList(Math.min(before, probe.received().size()), probe.received().size())) {
                try {
                    leaked |= String.valueOf(codec.decodeServer(frame)).contains("canary");
                } catch (ProtocolException ignored) {
                    // not a message: nothing to read in it
                }
            }
            String outcome = leaked ? "LEAKED: the server answered with text of the canary JOIN"
                    : closed == null ? "accepted, connection open, no canary text seen" : closed.toString();
            return new AttackResult("leak-probe", "a canary JOIN, then a JOIN whose name is twelve 0x80 bytes",
                    "closed 1002, never the canary's text", outcome, !leaked && closed != null && closed.code() == 1002);
        }
    }

    AttackResult textFrame() throws Exception {
        return result("text-frame", "a JSON text frame", "closed 1003",
                new Closes().add(closeOf(p -> p.sendText("{\"type\":\"join\"}"))), Set.of("1003"));
    }

    AttackResult oversize() throws Exception {
        return result("oversize", "one 64 KiB binary frame", "closed 1009 (or cut off, 1006)",
                new Closes().add(closeOf(p -> p.send(new byte[65536]))), Set.of("1009", "1006"));
    }

    AttackResult messageFlood() throws Exception {
        return result("message-flood", "500 PING messages at once", "closed 1008 (rate limit)",
                new Closes().add(closeOf(p -> {
                    for (int i = 0; i < 500 && p.send(codec.encode((ClientMessage) new Ping(i))); i++) {
                        // as fast as the socket takes them
                    }
                })), Set.of("1008"));
    }

    AttackResult pingFlood() throws Exception {
        try (Probe probe = Probe.open(http, url)) {
            int sent = 0;
            while (sent < 500 && probe.ping()) {
                sent++;
            }
            Probe.Closed closed = probe.awaitClose(Duration.ofSeconds(2));
            String outcome = (closed == null ? "still open" : closed.toString()) + " after " + sent
                    + " pings, " + probe.pongs() + " pongs";
            return new AttackResult("ping-flood", "500 WebSocket ping control frames at once",
                    "closed 1008 (pings count against the rate limit)", outcome, closed != null && closed.code() == 1008);
        }
    }

    AttackResult inputBeforeJoin() throws Exception {
        return result("input-before-join", "an INPUT in the lobby", "closed 1002",
                new Closes().add(closeOf(p -> p.send(codec.encode(new Input(1, 1f, 0f, 0))))), Set.of("1002"));
    }

    AttackResult joinTwice() throws Exception {
        return result("join-twice", "two JOINs back to back", "closed 1002 (a JOIN outside the lobby)",
                new Closes().add(closeOf(p -> {
                    p.send(codec.encode(new Join(null, "twice")));
                    p.send(codec.encode(new Join(null, "twice")));
                })), Set.of("1002"));
    }

    /** Random bytes the reference codec refuses, so a server must close on them. */
    private byte[] refusedGarbage() {
        while (true) {
            byte[] frame = new byte[1 + random.nextInt(64)];
            random.nextBytes(frame);
            try {
                codec.decodeClient(frame);
            } catch (ProtocolException refused) {
                return frame;
            }
        }
    }

    /** Opens a probe, misbehaves, and returns how the server closed it (null: it did not). */
    private Probe.Closed closeOf(Consumer<Probe> misbehave) throws Exception {
        try (Probe probe = Probe.open(http, url)) {
            misbehave.accept(probe);
            return probe.awaitClose();
        }
    }

    private static AttackResult result(String name, String tried, String expected, Closes closes, Set<String> good) {
        return new AttackResult(name, tried, expected, closes.toString(), good.containsAll(closes.counts.keySet()));
    }

    /** Closes by code ("open" for none), with the first close reason of each code. */
    private static final class Closes {
        final Map<String, Integer> counts = new TreeMap<>();
        final Map<String, String> reasons = new TreeMap<>();

        Closes add(Probe.Closed closed) {
            String code = closed == null ? "open" : Integer.toString(closed.code());
            counts.merge(code, 1, Integer::sum);
            if (closed != null && !closed.reason().isEmpty()) {
                reasons.putIfAbsent(code, closed.reason());
            }
            return this;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            counts.forEach((code, n) -> {
                out.append(out.length() == 0 ? "" : ", ").append(n).append(" x ")
                        .append(code.equals("open") ? "not closed" : "close " + code);
                if (reasons.containsKey(code)) {
                    out.append(" (\"").append(reasons.get(code)).append("\")");
                }
            });
            return out.toString();
        }
    }
}
