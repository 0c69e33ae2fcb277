package dev.arena.server.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code protocol/vectors/*.json} from fixed inputs with boundary
 * values, each encoded by the code that writes it in production (SNAPSHOT and
 * DELTA by the room's replication writer, see {@link ProductionEncoding}).
 * Run only for a deliberate protocol change, then review the diff against
 * PROTOCOL.md by hand:
 * {@code mvn -q -pl game-server -P !git-commit test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.arena.server.protocol.GenerateVectors -Dexec.args=protocol/vectors}
 * from the repository root (Maven runs it in its own working directory). {@code -P !git-commit}: that profile's
 * {@code git describe} execution reads {@code exec.args} too, and would fail on these.
 */
public final class GenerateVectors {
    private static final int MIN = Integer.MIN_VALUE;
    private static final int MAX = Integer.MAX_VALUE;
    private static final String ASCII_32 = "abcdefghijklmnopqrstuvwxyz012345";
    private static final String ASCII_33 = ASCII_32 + "6";
    private static final int V = ProtocolVersion.CURRENT;
    /** A resume token as the server makes them: 24 random bytes in unpadded base64url, 32 ASCII chars. */
    private static final String TOKEN = "q3Zt-9vB_xY0aLk2mN8pQr5sTu7wVx1y";

    private GenerateVectors() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "protocol/vectors");
        Files.createDirectories(dir);
        FrameCodec codec = new FrameCodec();
        Map<String, Map<String, Object>> files = new LinkedHashMap<>();

        Map<String, Object> join = group(files, "client-join", "CLIENT_JOIN");
        join.put("quick-join as ann", new Join(null, "ann"));
        join.put("room id and one-char name", new Join("r1", "a"));
        join.put("empty room id, null name", new Join("", null));
        join.put("32-char ASCII name", new Join(null, ASCII_32));
        join.put("33-char ASCII name", new Join(null, ASCII_33));
        join.put("non-ASCII name", new Join(null, "Zoë"));
        join.put("emoji name", new Join("r12", "😀"));
        join.put("mixed name with emoji", new Join(null, "ñ😀x"));
        join.put("named game, quick-join", new Join(V, "tag", null, "ann", 0, null));
        join.put("empty game is the default game", new Join(V, "", "r3", "bob", 0, null));
        join.put("spectate a room", new Join(V, "arena", "r7", null, Join.SPECTATE, null));
        join.put("spectate, quick", new Join(V, null, null, "eve", Join.SPECTATE, null));
        join.put("create a private room", new Join(V, "board", null, "ann", Join.CREATE_PRIVATE, null));
        join.put("join a private room by code", new Join(V, null, null, "bob", 0, "K7M2QX"));
        join.put("watch a private room by code", new Join(V, null, null, null, Join.SPECTATE, "k7m2qx"));
        join.put("another protocol version: nothing else is read", new Join(3, null, null, null, 0, null));
        join.put("protocol version 128", new Join(128, null, null, null, 0, null));
        join.put("after a redirect: the room and its reservation",
                new Join(V, "arena", "3f2a9c1b-r7", "ann", 0, null, "q8Zk1vXc0aB3dE5fG7hI9j"));
        join.put("a spectator's reservation, 64 chars", new Join(V, null, "3f2a9c1b-r12", null, Join.SPECTATE, null,
                "r".repeat(64)));

        Map<String, Object> input = group(files, "client-input", "CLIENT_INPUT");
        input.put("seq 1 moving right", new Input(1, 1f, 0f, 0));
        input.put("seq 0 standing", new Input(0, 0f, 0f, 0));
        input.put("seq 63 diagonal", new Input(63, 0.6f, -0.8f, 1));
        input.put("seq 64", new Input(64, -1f, 0f, 0));
        input.put("seq 127", new Input(127, 0f, 1f, 127));
        input.put("seq 128", new Input(128, 0.5f, 0.25f, 128));
        input.put("seq 16383", new Input(16383, -0.5f, -0.5f, 0));
        input.put("seq 16384", new Input(16384, 0f, -1f, 0));
        input.put("seq -1 (wrapped)", new Input(-1, 0f, 0f, 0));
        input.put("seq int max", new Input(MAX, 1f, 0f, 0));
        input.put("seq int min", new Input(MIN, 0f, 1f, 0));

        Map<String, Object> clientPing = group(files, "client-ping", "CLIENT_PING");
        clientPing.put("time 0", new Ping(0));
        clientPing.put("time 127", new Ping(127));
        clientPing.put("time 128", new Ping(128));
        clientPing.put("time 1000000", new Ping(1_000_000));
        clientPing.put("time 2^53-1", new Ping((1L << 53) - 1));
        Map<String, Object> clientPong = group(files, "client-pong", "CLIENT_PONG");
        clientPong.put("echo 0", new Pong(0));
        clientPong.put("echo 16384", new Pong(16384));
        clientPong.put("echo 4294967296", new Pong(1L << 32));
        group(files, "client-leave", "CLIENT_LEAVE").put("leave", Leave.INSTANCE);

        Map<String, Object> resume = group(files, "client-resume", "CLIENT_RESUME");
        resume.put("holding tick 41", new Resume(V, TOKEN, 41));
        resume.put("no state held", new Resume(V, TOKEN, -1));
        resume.put("tick 127 (128 on the wire)", new Resume(V, TOKEN, 127));
        resume.put("tick 16383 (16384 on the wire)", new Resume(V, TOKEN, 16383));
        resume.put("tick int max - 1", new Resume(V, TOKEN, MAX - 1));
        resume.put("33-char token", new Resume(V, ASCII_33, 0));
        resume.put("null token", new Resume(V, null, 5));
        resume.put("another protocol version: nothing else is read", new Resume(3, null, -1));

        Map<String, Object> welcome = group(files, "server-welcome", "SERVER_WELCOME");
        welcome.put("arena room", new Welcome(V, 7, "r1", "arena", 0, null, 20, 20, 1_795_000_000_000L, 2000, 2000, 4,
                ordered("playerSpeed", 200f, "chatMaxLength", 200f), 15_000, TOKEN));
        welcome.put("large ids and rates", new Welcome(V, 16384, "room-with-a-long-identifier-of-33", "tag", 0, null,
                120, 60, (1L << 53) - 1, 1_000_000, 10, 1000, ordered("a", 0.5f, "gravity-é", -9.75f, "zero", 0f),
                86_400_000, ASCII_33));
        welcome.put("zeros and empty room id, no params, resume off", new Welcome(V, 0, "", "", 0, null, 1, 1, 0, 0, 0, 1,
                Map.of(), 0, null));
        welcome.put("spectator of a private room: no resume token", new Welcome(V, 0, "r12", "board", Welcome.SPECTATOR,
                "K7M2QX", 4, 4, 1_795_000_000_000L, 7, 6, 1, Map.of(), 0, null));
        welcome.put("creator of a private room", new Welcome(V, 1, "r13", "arena", 0, "23456A", 20, 20, 1_795_000_000_000L,
                2000, 2000, 4, ordered("playerSpeed", 200f), 15_000, TOKEN));

        Map<String, Object> clientMessage = group(files, "client-message", "CLIENT_MESSAGE");
        clientMessage.put("type 0, empty payload", new GameMessage(0, new byte[0]));
        clientMessage.put("chat 'hi'", new GameMessage(1, new PayloadWriter().string("hi").toBytes()));
        clientMessage.put("type 127, one byte", new GameMessage(127, new byte[] {0x7f}));
        clientMessage.put("type 128, varint and zigzag", new GameMessage(128, new PayloadWriter().varint(300).zigzag(-3)
                .toBytes()));
        clientMessage.put("type 65535 (the largest)", new GameMessage(GameMessage.MAX_TYPE, new byte[] {0}));
        clientMessage.put("128-byte payload (two-byte length)", new GameMessage(2, sequence(128)));
        clientMessage.put("f32, bool and emoji string", new GameMessage(3, new PayloadWriter().f32(-1.5f).bool(true)
                .string("😀").toBytes()));

        Map<String, Object> serverMessage = group(files, "server-message", "SERVER_MESSAGE");
        serverMessage.put("chat from player 7", new GameMessage(1, new PayloadWriter().varint(7).string("ann")
                .string("salut à tous").toBytes()));
        serverMessage.put("type 0, empty payload", new GameMessage(0, new byte[0]));
        serverMessage.put("type 16384, null string", new GameMessage(16384, new PayloadWriter().string(null).toBytes()));
        serverMessage.put("300-byte payload", new GameMessage(70, sequence(300)));

        Map<String, Object> snapshot = group(files, "server-snapshot", "SERVER_SNAPSHOT");
        snapshot.put("empty world", new Snapshot(0, List.of()));
        snapshot.put("one player, one orb", new Snapshot(42, List.of(
                new EntityRecord(1, 1, "ann", new int[]{4000, 2000, 17, 3}),
                new EntityRecord(2, 2, null, new int[]{0, 7999}))));
        snapshot.put("zigzag boundaries", new Snapshot(128, List.of(
                new EntityRecord(3, 1, "é", new int[]{0, -1, 63, 64}),
                new EntityRecord(127, 1, "😀", new int[]{-64, -65, MAX, MIN}),
                new EntityRecord(128, 2, "", new int[]{}),
                new EntityRecord(16384, 7, ASCII_33, new int[]{16383, -16384, 8191, -8193, 1, 2}))));
        snapshot.put("a view: the own player among scattered ids", new Snapshot(900, List.of(
                new EntityRecord(3, 2, null, new int[]{7996, 8004}),
                new EntityRecord(700, 1, "me", new int[]{8000, 8000, 12, 0}),
                new EntityRecord(16500, 2, null, new int[]{11200, 7980}))));

        Map<String, Object> delta = group(files, "server-delta", "SERVER_DELTA");
        delta.put("nothing changed", new Delta(10, 9, new int[0], List.of(), List.of()));
        delta.put("one changed field", new Delta(11, 10, new int[0], List.of(),
                List.of(new EntityChange(5, 0b0001, new int[]{40}))));
        delta.put("typical move: two players, two orbs", new Delta(300, 299, new int[0], List.of(), List.of(
                new EntityChange(1, 0b0111, new int[]{40, -28, 1}),
                new EntityChange(2, 0b0101, new int[]{-40, 1}),
                new EntityChange(3, 0b0011, new int[]{12, -5}),
                new EntityChange(9, 0b0011, new int[]{-12, 5}))));
        delta.put("spawn, removal and score change", new Delta(1000, 998, new int[]{4, 130}, List.of(
                new EntityRecord(131, 2, null, new int[]{1234, 5678})), List.of(
                new EntityChange(1, 0b1000, new int[]{1}),
                new EntityChange(2, 0b1111, new int[]{-1, 1, 2, 1}))));
        delta.put("view: one enters below the held ids, one leaves, one moves", new Delta(901, 900,
                new int[]{16500}, List.of(new EntityRecord(2, 2, null, new int[]{4000, 12000})), List.of(
                new EntityChange(3, 0b11, new int[]{12, -12}))));
        delta.put("view: the viewer teleported, all but itself replaced", new Delta(950, 949,
                new int[]{3, 40, 41}, List.of(
                new EntityRecord(8, 1, "bob", new int[]{72000, 400, 9, 2}),
                new EntityRecord(16700, 2, null, new int[]{71900, 640})), List.of(
                new EntityChange(700, 0b111, new int[]{64000, -7600, 1}))));
        delta.put("wrapping and wide masks", new Delta(16384, 0, new int[]{1}, List.of(), List.of(
                new EntityChange(200, 1 << 31, new int[]{MIN}),
                new EntityChange(16584, 0b101010, new int[]{MAX, -1, 64}))));

        Map<String, Object> serverPing = group(files, "server-ping", "SERVER_PING");
        serverPing.put("time 0", new Ping(0));
        serverPing.put("time 63", new Ping(63));
        serverPing.put("time 16383", new Ping(16383));
        serverPing.put("time 2^53-1", new Ping((1L << 53) - 1));
        Map<String, Object> serverPong = group(files, "server-pong", "SERVER_PONG");
        serverPong.put("echo 1000000", new Pong(1_000_000));
        serverPong.put("echo 128", new Pong(128));

        Map<String, Object> error = group(files, "server-error", "SERVER_ERROR");
        error.put("room full", new ErrorMessage(CloseCodes.ROOM_FULL, "room r1 is full (20 players)"));
        error.put("unknown room", new ErrorMessage(CloseCodes.UNKNOWN_ROOM, "no room r9"));
        error.put("too slow, empty message", new ErrorMessage(CloseCodes.TOO_SLOW, ""));
        error.put("null message", new ErrorMessage(CloseCodes.BAD_REQUEST, null));
        error.put("non-ASCII message", new ErrorMessage(CloseCodes.ROOM_CLOSED, "salle fermée 😀"));
        error.put("protocol version mismatch", new ErrorMessage(CloseCodes.VERSION_MISMATCH,
                "this server speaks protocol version 2, the client version 1: update or reload the client"));
        error.put("wrong private code", new ErrorMessage(CloseCodes.WRONG_CODE, "no private room has the code ABCDEF"));
        error.put("unknown game", new ErrorMessage(CloseCodes.UNKNOWN_GAME, "no game chess on this server"));
        error.put("spectators full", new ErrorMessage(CloseCodes.SPECTATORS_FULL, "room r1 has all the spectators it takes (32)"));
        error.put("closed by an operator", new ErrorMessage(CloseCodes.CLOSED_BY_OPERATOR,
                "room r1 was closed by an operator"));
        error.put("kicked, with the operator's reason", new ErrorMessage(CloseCodes.KICKED, "griefing: 3 warnings"));
        error.put("reservation invalid or expired", new ErrorMessage(CloseCodes.RESERVATION_INVALID,
                "the seat reservation is unknown here or has expired: join again where you first connected"));

        Map<String, Object> redirect = group(files, "server-redirect", "SERVER_REDIRECT");
        redirect.put("to another node on this machine", new Redirect("ws://127.0.0.1:8081/ws", "3f2a9c1b-r7",
                "q8Zk1vXc0aB3dE5fG7hI9j"));
        redirect.put("wss with a path, long room id", new Redirect("wss://eu-2.play.example.com:443/node-2/ws",
                "3f2a9c1b-r16384", "AAAAAAAAAAAAAAAAAAAAAA"));
        redirect.put("empty strings", new Redirect("", "", ""));

        Map<String, Object> notice = group(files, "server-notice", "SERVER_NOTICE");
        notice.put("restart soon", new Notice("The server restarts in 5 minutes"));
        notice.put("two chars", new Notice("hi"));
        notice.put("empty", new Notice(""));
        notice.put("32 ASCII chars", new Notice(ASCII_32));
        notice.put("33 ASCII chars (length form)", new Notice(ASCII_33));
        notice.put("markup is text", new Notice("<b>maintenance</b> & <script>"));
        notice.put("non-ASCII and emoji", new Notice("Redémarrage à 18 h 😀"));
        notice.put("500 chars (the longest the server sends)", new Notice("n".repeat(Notice.MAX_CHARS)));

        for (Map.Entry<String, Map<String, Object>> file : files.entrySet()) {
            String message = (String) file.getValue().remove("@message");
            JsonArray vectors = new JsonArray();
            for (Map.Entry<String, Object> v : file.getValue().entrySet()) {
                byte[] bytes = ProductionEncoding.encode(codec, message, v.getValue());
                vectors.add(new JsonObject().put("name", v.getKey()).put("message", message)
                        .put("fields", VectorJson.fields(v.getValue())).put("hex", VectorJson.hex(bytes)));
            }
            Files.writeString(dir.resolve(file.getKey() + ".json"), vectors.encodePrettily() + "\n");
        }
    }

    /** Bytes 0, 1, 2, ... (wrapping at 256). */
    private static byte[] sequence(int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) i;
        }
        return out;
    }

    private static Map<String, Float> ordered(Object... pairs) {
        Map<String, Float> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Float) pairs[i + 1]);
        }
        return out;
    }

    private static Map<String, Object> group(Map<String, Map<String, Object>> files, String file, String message) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("@message", message);
        files.put(file, group);
        return group;
    }
}
