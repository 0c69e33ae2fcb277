package dev.arena.server.room;

import dev.arena.server.config.GameConfig;
import dev.arena.server.config.RoomConfig;
import dev.arena.server.game.Setting;
import dev.arena.server.game.SettingValues;
import dev.arena.server.game.tag.TagGame;
import dev.arena.server.game.tag.TagMessages;
import dev.arena.server.metrics.MicrometerGameMetrics;
import dev.arena.server.protocol.EntityRecord;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.ServerMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.arena.server.game.tag.TagGame.KIND_ROUND;
import static dev.arena.server.game.tag.TagGame.KIND_TEAM;

/**
 * A tag room driven by hand, for step tests: the real {@link Room} and
 * {@link TagGame} with the given {@code tag.*} settings over the defaults,
 * stepped at 20 Hz on a simulated clock, each player's frames decoded by a
 * {@link RecordingChannel}. What the tests read is what clients receive.
 */
final class TagRoomDriver {
    static final double DT = 0.05;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Room room;
    /** Every player's channel, by player id, in join order. */
    final Map<Integer, RecordingChannel> channels = new LinkedHashMap<>();
    private final Map<Integer, Integer> seqs = new LinkedHashMap<>();
    private long tick;

    TagRoomDriver(Map<String, Object> settings, long seed) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting s : TagGame.DEFINITION.settings()) {
            values.put(s.key(), s.defaultValue());
        }
        values.putAll(settings);
        MicrometerGameMetrics metrics = new MicrometerGameMetrics(registry);
        RoomConfig rooms = new RoomConfig("tag", 20, 20, 10, 10, 5, 64, 1000, 8, List.of("tag"), 4);
        GameConfig config = new GameConfig("tag", 10, 20, 20, new SettingValues("tag", values));
        OfferedGame offered = new OfferedGame(TagGame.DEFINITION, config, rooms,
                metrics.game("tag", TagGame.DEFINITION.messageTypes()));
        room = new Room(new RoomSetup("r1", offered, Long.MAX_VALUE, 2048, null), new SplittableRandom(seed), metrics);
    }

    int join(String name) {
        RecordingChannel channel = new RecordingChannel();
        int id = room.join(name, channel).playerId();
        channels.put(id, channel);
        seqs.put(id, 0);
        return id;
    }

    void leave(int id) {
        room.leave(id);
        channels.remove(id);
    }

    /** One simulation step and its state update (20 Hz: every step is a send tick). */
    /** The player's connection drops without LEAVE (its first attachment): the seat is held. */
    void drop(int id) {
        room.disconnect(id, 1);
    }

    void step() {
        tick++;
        room.step(tick, DT);
        room.send(tick * 50_000_000L);
    }

    void steps(int n) {
        for (int i = 0; i < n; i++) {
            step();
        }
    }

    /** Steers a player from the next step on (an INPUT with its next seq). */
    void steer(int id, double dx, double dy) {
        int seq = seqs.merge(id, 1, Integer::sum);
        room.offerInput(id, new Input(seq, (float) dx, (float) dy, 0), tick * 50_000_000L);
    }

    /** The channel of the first player still in the room: what a client sees. */
    RecordingChannel watcher() {
        return channels.values().iterator().next();
    }

    EntityRecord player(int id) {
        return watcher().world.get(id);
    }

    int field(int id, int field) {
        return player(id).fields()[field];
    }

    /** A player's position in world units (the default positionScale 4). */
    double x(int id) {
        return field(id, TagGame.FIELD_X) / 4.0;
    }

    double y(int id) {
        return field(id, TagGame.FIELD_Y) / 4.0;
    }

    boolean it(int id) {
        return field(id, TagGame.FIELD_IT) == 1;
    }

    /** The ids of the players who are it now, ascending. */
    List<Integer> its() {
        return channels.keySet().stream().filter(this::it).sorted().toList();
    }

    /** A field of the round entity. */
    int round(int field) {
        return watcher().world.entities().stream().filter(e -> e.kind() == KIND_ROUND).findFirst().orElseThrow()
                .fields()[field];
    }

    /** A field of the team entity of {@code team} (0 red, 1 blue). */
    int team(int team, int field) {
        return watcher().world.entities().stream().filter(e -> e.kind() == KIND_TEAM && e.fields()[0] == team)
                .findFirst().orElseThrow().fields()[field];
    }

    /** The tag game's messages a channel received so far, decoded, and forgets them. */
    static List<Object> takeEvents(RecordingChannel channel) {
        List<Object> events = new ArrayList<>();
        for (ServerMessage m : channel.messages) {
            if (m instanceof GameMessage g) {
                events.add(g.type() == TagMessages.TAGGED ? TagMessages.Tagged.read(g.payload())
                        : TagMessages.Round.read(g.payload()));
            }
        }
        channel.messages.clear();
        return events;
    }
}
