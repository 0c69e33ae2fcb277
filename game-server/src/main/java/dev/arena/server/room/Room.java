package dev.arena.server.room;

import com.esotericsoftware.kryo.io.Output;
import dev.arena.server.config.RoomConfig;
import dev.arena.server.game.Game;
import dev.arena.server.game.GameFactory;
import dev.arena.server.game.GameInfo;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.state.EntityStore;
import dev.arena.server.state.SnapshotEncoder;
import dev.arena.server.state.StateHistory;
import dev.arena.server.state.WorldState;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The mechanics of one room, apart from the game's rules and from timers:
 * seats, the bounded input queue, fixed steps and replication to clients.
 * {@link RoomVerticle} drives it from a timer; tests call {@link #step} and
 * {@link #send} directly. Single-threaded: only the room's thread calls it.
 *
 * <p>Replication (PROTOCOL.md, "DELTA"): each client's baseline is the last
 * state written to its socket. On a send tick every client is grouped by
 * baseline and each group's frame is encoded once, so all up-to-date clients
 * share one delta. A congested client is skipped and later gets a delta from
 * its own older baseline, or a full snapshot when that baseline has left the
 * history; one congested for longer than {@code tooSlowNanos} is closed.
 */
public final class Room {
    private final String id;
    private final RoomConfig config;
    private final long tooSlowNanos;
    private final GameMetrics metrics;
    private final EntityStore world = new EntityStore();
    private final Game game;
    private final StateHistory history;
    private final SnapshotEncoder encoder = new SnapshotEncoder();
    private final FrameCodec codec = new FrameCodec();
    private final Output output = new Output(4096, FrameCodec.MAX_ENCODED_BYTES);
    private final InputQueue inputs;
    private final List<Client> clients = new ArrayList<>();
    private final EncodedFrames frames = new EncodedFrames();
    private long tick;

    public Room(String id, RoomConfig config, long tooSlowNanos, GameFactory gameFactory, RandomGenerator random,
                GameMetrics metrics) {
        this.id = id;
        this.config = config;
        this.tooSlowNanos = tooSlowNanos;
        this.metrics = metrics;
        this.game = gameFactory.create(world, random);
        this.history = new StateHistory(config.snapshotHistory());
        this.inputs = new InputQueue(config.inputQueueSize(), metrics);
    }

    public String id() {
        return id;
    }

    public int players() {
        return clients.size();
    }

    public long tick() {
        return tick;
    }

    /**
     * Seats a player, or refuses when the room is full. On success the client
     * is sent WELCOME now and a full snapshot on the next send tick.
     */
    public JoinResult join(String name, ClientChannel channel) {
        if (clients.size() >= config.capacity()) {
            return JoinResult.refused(CloseCodes.ROOM_FULL, "room_full",
                    "room " + id + " is full (" + config.capacity() + " players)");
        }
        int playerId = game.onJoin(name);
        clients.add(new Client(playerId, channel));
        GameInfo info = game.info();
        channel.write(Buffer.buffer(codec.encode(new Welcome(playerId, id, config.tickHz(), config.sendHz(),
                System.currentTimeMillis(), info.worldWidth(), info.worldHeight(), info.positionScale(), info.params()))));
        metrics.playerJoined();
        return JoinResult.joined(id, playerId, inputs, clients.size());
    }

    /** The player left (or its connection closed); a no-op for an unknown player. */
    public void leave(int playerId) {
        for (int i = 0; i < clients.size(); i++) {
            if (clients.get(i).playerId == playerId) {
                clients.remove(i);
                game.onLeave(playerId);
                metrics.playerLeft();
                return;
            }
        }
    }

    /** Queues an input for the next step; false (and counted) when the queue is full. Thread-safe. */
    public boolean offerInput(InputEnvelope input) {
        return inputs.offer(input);
    }

    /** Applies the queued inputs, then advances the game by one step of {@code dt} seconds. */
    public void step(long tick, double dt) {
        long start = System.nanoTime();
        this.tick = tick;
        InputEnvelope input;
        while ((input = inputs.poll()) != null) {
            Client client = find(input.playerId());
            if (client == null) {
                continue;
            }
            game.onInput(input.playerId(), input.input());
            if (client.oldestUnsentInput == 0) {
                client.oldestUnsentInput = input.arrivalNanos();
            }
        }
        game.tick(tick, dt);
        metrics.tickDuration(System.nanoTime() - start);
    }

    /** Captures the current state and writes it to every client that can take it. */
    public void send(long nowNanos) {
        long start = System.nanoTime();
        WorldState state = world.capture((int) tick);
        history.add(state);
        frames.clear();
        for (Client client : clients) {
            if (client.closing) {
                continue;
            }
            if (client.channel.writeQueueFull()) {
                skip(client, nowNanos);
                continue;
            }
            client.congestedSince = 0;
            client.channel.write(frameFor(client.baselineTick, state));
            client.baselineTick = state.tick();
            if (client.oldestUnsentInput != 0) {
                metrics.inputLatency(nowNanos - client.oldestUnsentInput);
                client.oldestUnsentInput = 0;
            }
        }
        metrics.sendDuration(System.nanoTime() - start);
    }

    /** The state written on the last send tick, or null before the first. */
    WorldState lastSentState() {
        return history.newest();
    }

    /** Closes every client with ERROR + {@code code}, for a room that stops. */
    public void closeAll(int code, String reason, String message) {
        for (Client client : clients) {
            client.channel.closeWithError(code, reason, message);
            // Unseated and counted here: the leaves these connections send next reach a room that no
            // longer listens. The game is not told; it may be why the room stops.
            metrics.playerLeft();
        }
        clients.clear();
    }

    private void skip(Client client, long nowNanos) {
        metrics.snapshotSkipped();
        if (client.congestedSince == 0) {
            client.congestedSince = nowNanos;
        } else if (nowNanos - client.congestedSince > tooSlowNanos) {
            client.closing = true;
            client.channel.closeWithError(CloseCodes.TOO_SLOW, "too_slow",
                    "connection too slow: updates backed up for over " + tooSlowNanos / 1_000_000 + " ms");
        }
    }

    /**
     * The frame that brings a client from {@code baselineTick} (-1: none) to
     * {@code state}. Up-to-date clients share a baseline, so the cache is
     * asked before the history: one history lookup and one encoding per
     * distinct baseline, not per client.
     */
    private Buffer frameFor(int baselineTick, WorldState state) {
        Buffer frame = frames.get(baselineTick);
        if (frame == null) {
            WorldState base = baselineTick < 0 ? null : history.find(baselineTick);
            int baseTick = base == null ? -1 : base.tick();
            frame = baseTick == baselineTick ? null : frames.get(baseTick);
            if (frame != null) {
                frames.put(baselineTick, frame);
                return frame;
            }
            output.reset();
            if (base == null) {
                encoder.writeSnapshot(output, state);
            } else {
                encoder.writeDelta(output, base, state);
            }
            frame = Buffer.buffer(output.toBytes());
            metrics.snapshotEncoded(base == null, frame.length());
            frames.put(baseTick, frame);
            if (baseTick != baselineTick) {
                frames.put(baselineTick, frame);
            }
        }
        return frame;
    }

    private Client find(int playerId) {
        for (Client client : clients) {
            if (client.playerId == playerId) {
                return client;
            }
        }
        return null;
    }

    private static final class Client {
        final int playerId;
        final ClientChannel channel;
        int baselineTick = -1;
        long congestedSince;
        long oldestUnsentInput;
        boolean closing;

        Client(int playerId, ClientChannel channel) {
            this.playerId = playerId;
            this.channel = channel;
        }
    }

    /** This send tick's encoded frames by baseline tick (-1 = full snapshot); a handful at most. */
    private static final class EncodedFrames {
        private int[] ticks = new int[8];
        private Buffer[] buffers = new Buffer[8];
        private int size;

        void clear() {
            java.util.Arrays.fill(buffers, 0, size, null);
            size = 0;
        }

        Buffer get(int tick) {
            for (int i = 0; i < size; i++) {
                if (ticks[i] == tick) {
                    return buffers[i];
                }
            }
            return null;
        }

        void put(int tick, Buffer buffer) {
            if (size == ticks.length) {
                ticks = java.util.Arrays.copyOf(ticks, size * 2);
                buffers = java.util.Arrays.copyOf(buffers, size * 2);
            }
            ticks[size] = tick;
            buffers[size++] = buffer;
        }
    }
}
