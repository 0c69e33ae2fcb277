package dev.arena.server.room;

import dev.arena.server.config.GameConfig;
import dev.arena.server.config.RoomConfig;
import dev.arena.server.game.GameDefinition;
import dev.arena.server.game.GameInfo;
import dev.arena.server.game.GameBase;
import dev.arena.server.game.GameContext;
import dev.arena.server.game.SettingValues;
import dev.arena.server.metrics.MicrometerGameMetrics;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.PayloadReader;
import dev.arena.server.protocol.PayloadWriter;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A room's side of the game API, stepped directly: MESSAGEs a game sends are
 * written after the state update of the next send tick (so never before the
 * state they speak of), a joiner gets what {@code onJoin} sent it, a payload
 * the game cannot read closes its sender only, spectators take no seat and no
 * entity, and metadata is reported when it changes.
 */
class RoomMessagesTest {
    private static final int NOTE = 5;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerGameMetrics metrics = new MicrometerGameMetrics(registry);
    private final List<String> calls = new ArrayList<>();
    /** The game of the room, once created. */
    private NotesGame game;
    private long tick;

    /** Greets a joiner, broadcasts each NOTE it is sent (a string), and records what it is told. */
    private final class NotesGame extends GameBase {
        NotesGame(GameContext context) {
            super(context);
            game = this;
        }

        GameContext ctx() {
            return context;
        }

        @Override
        public GameInfo info() {
            return new GameInfo(10, 10, 1, Map.of());
        }

        @Override
        public int onJoin(String name) {
            int id = world.spawn(1, name, 1);
            send(id, NOTE, new PayloadWriter().string("welcome " + name).toBytes());
            calls.add("join " + name);
            return id;
        }

        @Override
        public void onLeave(int playerId) {
            world.despawn(playerId);
            calls.add("leave " + playerId);
        }

        @Override
        public void onMessage(int playerId, int type, byte[] payload) {
            PayloadReader in = new PayloadReader(payload);
            String text = in.string(20, "note");
            in.end();
            world.set(playerId, 0, text.length());
            broadcast(NOTE, new PayloadWriter().string(text).toBytes());
        }
    }

    private Room room(int capacity, int maxSpectators, int maxFrameBytes) {
        GameDefinition definition = GameDefinition.builder("notes").messageType(NOTE, "note").create(NotesGame::new);
        RoomConfig rooms = new RoomConfig("notes", 20, 20, capacity, 10, 5, 64, 1000, 8, List.of("notes"), maxSpectators);
        GameConfig config = new GameConfig("notes", capacity, 20, 20, new SettingValues("notes", Map.of()));
        OfferedGame offered = new OfferedGame(definition, config, rooms, metrics.game("notes", definition.messageTypes()));
        return new Room(new RoomSetup("r1", offered, Long.MAX_VALUE, maxFrameBytes, null), new SplittableRandom(1), metrics);
    }

    private void stepAndSend(Room room) {
        tick++;
        room.step(tick, 0.05);
        room.send(tick * 50_000_000L);
    }

    private static String note(Object message) {
        return new PayloadReader(((GameMessage) message).payload()).string(100, "note");
    }

    @Test
    void whatOnJoinSendsReachesTheJoinerAfterItsWelcomeAndFirstSnapshot() {
        Room room = room(4, 4, 2048);
        RecordingChannel ann = new RecordingChannel();
        room.join("ann", ann);
        assertThat(ann.messages).as("only WELCOME before the send tick").hasSize(1);
        stepAndSend(room);
        assertThat(ann.messages).hasSize(3);
        assertThat(ann.messages.get(0)).isInstanceOf(Welcome.class);
        assertThat(ann.messages.get(1)).isInstanceOf(Snapshot.class);
        assertThat(note(ann.messages.get(2))).isEqualTo("welcome ann");
    }

    @Test
    void aBroadcastFollowsTheStateUpdateThatHoldsItsEffectForEveryClient() {
        Room room = room(4, 4, 2048);
        RecordingChannel ann = new RecordingChannel();
        RecordingChannel bob = new RecordingChannel();
        int annId = room.join("ann", ann).playerId();
        room.join("bob", bob);
        stepAndSend(room);
        ann.messages.clear();
        bob.messages.clear();

        room.offerMessage(annId, new GameMessage(NOTE, new PayloadWriter().string("hello").toBytes()), 1);
        stepAndSend(room);
        for (RecordingChannel client : List.of(ann, bob)) {
            assertThat(client.messages).hasSize(2);
            // The state the note changed (field 0 = its length) is in the update before it.
            assertThat(client.world.get(annId).fields()[0]).isEqualTo(5);
            assertThat(note(client.last())).isEqualTo("hello");
        }
        assertThat(registry.get("arena.messages.received").tag("type", "note").counter().count()).isEqualTo(1);
        assertThat(registry.get("arena.messages.sent").tag("type", "note").counter().count()).as("2 joins + 2")
                .isEqualTo(4);
    }

    @Test
    void aPayloadTheGameCannotReadClosesOnlyItsSender() {
        Room room = room(4, 4, 2048);
        RecordingChannel ann = new RecordingChannel();
        RecordingChannel bob = new RecordingChannel();
        int annId = room.join("ann", ann).playerId();
        int bobId = room.join("bob", bob).playerId();
        stepAndSend(room);

        room.offerMessage(annId, new GameMessage(NOTE, new PayloadWriter().string("x".repeat(21)).toBytes()), 1);
        room.offerMessage(bobId, new GameMessage(NOTE, new PayloadWriter().string("ok").toBytes()), 2);
        stepAndSend(room);

        assertThat(ann.closedWith).isEqualTo(CloseCodes.PROTOCOL_ERROR);
        assertThat(bob.closedWith).isZero();
        assertThat(note(bob.last())).isEqualTo("ok");
        assertThat(registry.get("arena.frames.rejected").tag("reason", "string_too_long").counter().count()).isEqualTo(1);
        // The room goes on: the closing sender's own later messages are dropped until its leave.
        room.offerMessage(annId, new GameMessage(NOTE, new PayloadWriter().string("late").toBytes()), 3);
        stepAndSend(room);
        assertThat(bob.world.get(annId).fields()[0]).isEqualTo(0);
    }

    @Test
    void aPayloadTooLargeForAFrameIsTheGamesBug() {
        Room room = room(4, 4, 64);
        room.join("ann", new RecordingChannel());
        byte[] fits = new byte[64 - GameMessage.MAX_OVERHEAD_BYTES];
        game.ctx().broadcast(NOTE, fits);
        assertThatThrownBy(() -> game.ctx().broadcast(NOTE, new byte[fits.length + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http.maxFrameBytes (64)");
        assertThatThrownBy(() -> game.ctx().send(1, 70_000, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65535");
    }

    @Test
    void aSpectatorTakesNoSeatAndNoEntityAndItsLeaveIsNotTheGames() {
        Room room = room(1, 1, 2048);
        RecordingChannel ann = new RecordingChannel();
        RecordingChannel eve = new RecordingChannel();
        RecordingChannel fay = new RecordingChannel();
        room.join("ann", ann);
        JoinResult watching = room.join("eve", true, eve);
        assertThat(watching.accepted()).as("the room is full of players, not of spectators").isTrue();
        assertThat(watching.playerId()).as("a spectator's seat").isNegative();
        assertThat(eve.welcome.playerId()).isZero();
        assertThat(eve.welcome.spectator()).isTrue();
        assertThat(room.join("fay", true, fay).refusal()).isEqualTo(dev.arena.server.protocol.CloseReason.SPECTATORS_FULL);
        assertThat(room.join("gus", new RecordingChannel()).refusal())
                .isEqualTo(dev.arena.server.protocol.CloseReason.ROOM_FULL);
        assertThat(room.players()).isEqualTo(1);
        assertThat(room.spectators()).isEqualTo(1);
        assertThat(room.takeStatusChange()).isTrue();
        assertThat(room.takeStatusChange()).isFalse();

        stepAndSend(room);
        assertThat(eve.world.size()).as("the spectator sees ann, and has no entity").isEqualTo(1);
        game.ctx().broadcast(NOTE, new byte[] {(byte) 0x81});
        stepAndSend(room);
        assertThat(note(eve.last())).as("a broadcast reaches spectators").isEmpty();

        room.leave(watching.playerId());
        assertThat(calls).containsExactly("join ann");
        assertThat(room.spectators()).isZero();
        assertThat(room.empty()).isFalse();
        assertThat(room.takeStatusChange()).isTrue();
    }

    @Test
    void metadataIsSmallValidatedAndReportedWhenItChanges() {
        Room room = room(4, 4, 2048);
        GameContext context = game.ctx();
        context.setMetadata("mode", "teams");
        assertThat(room.takeStatusChange()).isTrue();
        context.setMetadata("mode", "teams");
        assertThat(room.takeStatusChange()).as("the same value is no change").isFalse();
        assertThat(room.metadata()).containsExactly(Map.entry("mode", "teams"));
        context.setMetadata("mode", null);
        assertThat(room.metadata()).isEmpty();

        assertThatThrownBy(() -> context.setMetadata("game", "x")).hasMessageContaining("not \"game\"");
        assertThatThrownBy(() -> context.setMetadata("bad key", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> context.setMetadata("k", "line\nbreak")).hasMessageContaining("printable");
        assertThatThrownBy(() -> context.setMetadata("k", "x".repeat(65))).hasMessageContaining("64");
        for (int i = 0; i < 8; i++) {
            context.setMetadata("k" + i, "v");
        }
        assertThatThrownBy(() -> context.setMetadata("k8", "v")).hasMessageContaining("at most 8");
        context.setMetadata("k0", "replaced");
    }
}
