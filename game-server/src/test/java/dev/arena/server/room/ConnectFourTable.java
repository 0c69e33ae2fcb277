package dev.arena.server.room;

import dev.arena.server.config.GameConfig;
import dev.arena.server.config.RoomConfig;
import dev.arena.server.game.SettingValues;
import dev.arena.server.game.connect4.ConnectFourGame;
import dev.arena.server.game.connect4.ConnectFourMessages;
import dev.arena.server.metrics.MicrometerGameMetrics;
import dev.arena.server.protocol.EntityRecord;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.PayloadReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.arena.server.game.connect4.ConnectFourGame.KIND_DISC;
import static dev.arena.server.game.connect4.ConnectFourGame.KIND_MATCH;

/**
 * A Connect Four room driven by hand for step tests: the real {@link Room}
 * around the real game, stepped with {@code step(tick, dt)} at 4 Hz on a
 * simulated clock, each client a {@link RecordingChannel} that decodes what
 * it is sent with the real codec.
 */
final class ConnectFourTable {
    static final int TICK_HZ = 4;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Room room;
    private long tick;

    /** A REJECTED message as a client reads it. */
    record Rejected(int reason, String text) {
    }

    ConnectFourTable(int turnSeconds) {
        MicrometerGameMetrics metrics = new MicrometerGameMetrics(registry);
        var definition = ConnectFourGame.DEFINITION;
        RoomConfig rooms = new RoomConfig("connect4", TICK_HZ, TICK_HZ, 2, 10, 5, 64, 1000, 8, List.of("connect4"), 4);
        GameConfig config = new GameConfig("connect4", 2, TICK_HZ, TICK_HZ, new SettingValues("connect4",
                Map.of("capacity", 2, "tickHz", TICK_HZ, "turnSeconds", turnSeconds)));
        OfferedGame offered = new OfferedGame(definition, config, rooms, metrics.game("connect4", definition.messageTypes()));
        room = new Room(new RoomSetup("r1", offered, Long.MAX_VALUE, 2048, null), new SplittableRandom(1), metrics);
    }

    /** Seats a player; returns its id. */
    int join(String name, RecordingChannel channel) {
        return room.join(name, channel).playerId();
    }

    /** One step and its send, as the room's timer would run them. */
    void step() {
        tick++;
        room.step(tick, 1.0 / TICK_HZ);
        room.send(tick * 1_000_000_000L / TICK_HZ);
    }

    long tick() {
        return tick;
    }

    /** Queues a game MESSAGE from a player for the next step. */
    void send(int playerId, int type, byte[] payload) {
        room.offerMessage(playerId, new GameMessage(type, payload), 0);
    }

    /** A MOVE, then the step that applies it. */
    void move(int playerId, int column) {
        send(playerId, ConnectFourMessages.MOVE, ConnectFourMessages.move(column));
        step();
    }

    /** Plays {@code columns} in turn, {@code first} moving first, one step each. */
    void play(int first, int second, int... columns) {
        for (int i = 0; i < columns.length; i++) {
            move(i % 2 == 0 ? first : second, columns[i]);
        }
    }

    static EntityRecord match(RecordingChannel client) {
        return client.world.entities().stream().filter(e -> e.kind() == KIND_MATCH).findFirst().orElseThrow();
    }

    static int match(RecordingChannel client, int field) {
        return match(client).fields()[field];
    }

    /** The discs as the client sees them, by move number. */
    static List<EntityRecord> discs(RecordingChannel client) {
        return client.world.entities().stream().filter(e -> e.kind() == KIND_DISC)
                .sorted(Comparator.comparingInt(e -> e.fields()[ConnectFourGame.MOVE_NUMBER])).toList();
    }

    /** Every REJECTED the client was sent, oldest first. */
    static List<Rejected> rejections(RecordingChannel client) {
        return client.messages.stream()
                .filter(m -> m instanceof GameMessage g && g.type() == ConnectFourMessages.REJECTED)
                .map(m -> {
                    PayloadReader in = new PayloadReader(((GameMessage) m).payload());
                    Rejected r = new Rejected(in.varint(), in.string(200, "text"));
                    in.end();
                    return r;
                }).toList();
    }
}
