package dev.arena.server.room;

import dev.arena.server.config.RoomConfig;
import dev.arena.server.game.Game;
import dev.arena.server.game.GameFactory;
import dev.arena.server.game.GameInfo;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.CloseReason;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.state.BaselineReplication;
import dev.arena.server.state.EntityStore;
import dev.arena.server.state.Replication;
import dev.arena.server.state.WorldState;
import io.vertx.core.buffer.Buffer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/**
 * The mechanics of one room, apart from the game's rules and from timers:
 * seats, the bounded input queue, fixed steps and the send tick.
 * {@link RoomVerticle} drives it from a timer; tests call {@link #step} and
 * {@link #send} directly. Single-threaded: only the room's thread calls it.
 *
 * <p>What each client is sent is the {@link Replication}'s business: each
 * seat holds its client's {@link dev.arena.server.state.Replica}, and on a send tick the room hands
 * every client whose socket can take it the replication's next frame. A
 * congested client is skipped (its replica keeps its older baseline); one
 * congested for longer than {@code tooSlowNanos} is closed.
 */
public final class Room {
    private final String id;
    private final RoomConfig config;
    private final long tooSlowNanos;
    private final GameMetrics metrics;
    private final Game game;
    private final Replication replication;
    private final FrameCodec codec = new FrameCodec();
    private final InputQueue inputs;
    /** Copy-on-write: seats change rarely, and a watchdog may close them all from another thread. */
    private final List<RoomClient> clients = new CopyOnWriteArrayList<>();
    private long tick;

    public Room(String id, RoomConfig config, long tooSlowNanos, GameFactory gameFactory, RandomGenerator random,
                GameMetrics metrics) {
        this.id = id;
        this.config = config;
        this.tooSlowNanos = tooSlowNanos;
        this.metrics = metrics;
        EntityStore world = new EntityStore();
        this.game = gameFactory.create(world, random);
        this.replication = new BaselineReplication(world, config.snapshotHistory(), metrics);
        this.inputs = new InputQueue(config.inputQueueSize(), metrics);
    }

    public String id() {
        return id;
    }

    /** Seats taken, held ones included: they count against the capacity and keep the room from being empty. */
    public int players() {
        return clients.size();
    }

    public long tick() {
        return tick;
    }

    /**
     * Seats a player, or refuses when the room is full (seats held for a
     * dropped player count). On success the client is sent WELCOME now and a
     * full snapshot on the next send tick.
     *
     * @param resumeToken the seat's resume token, for WELCOME (null when resume is off)
     */
    public JoinResult join(String name, ClientChannel channel, String resumeToken) {
        if (clients.size() >= config.capacity()) {
            return JoinResult.refused(CloseReason.ROOM_FULL,
                    "room " + id + " is full (" + config.capacity() + " players)");
        }
        int playerId = game.onJoin(name);
        clients.add(new RoomClient(playerId, channel, replication.newReplica()));
        welcome(channel, playerId, resumeToken);
        metrics.playerJoined();
        return JoinResult.joined(id, playerId, inputs, clients.size());
    }

    /** The player left for good (LEAVE, or its grace window ended); a no-op for an unknown player. */
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

    /**
     * The connection of attachment {@code generation} dropped without LEAVE:
     * the seat is held, its entity stays and nothing is sent to it until it
     * {@link #resume resumes}. Stale (an older attachment) or repeated news is
     * ignored; news of an attachment whose resume has not arrived yet is kept
     * for it (the transport's messages may cross).
     */
    public void disconnect(int playerId, int generation) {
        RoomClient client = find(playerId);
        if (client == null || generation < client.generation) {
            return;
        }
        client.lostGeneration = Math.max(client.lostGeneration, generation);
        if (generation == client.generation && client.connected) {
            client.connected = false;
            game.onDisconnect(playerId);
        }
    }

    /**
     * The player is back on a new connection, attachment {@code generation},
     * holding the state of {@code lastTick} (-1: none). It is sent WELCOME now
     * on {@code channel}, which replaces the old one, and from the next send
     * tick a DELTA from {@code lastTick} when this seat was sent that state
     * and the history still has it, else a SNAPSHOT.
     *
     * @return false when the room no longer holds the player, or the attachment is older than one it knows
     */
    public boolean resume(int playerId, int generation, int lastTick, ClientChannel channel, String resumeToken) {
        RoomClient client = find(playerId);
        if (client == null || generation <= client.generation) {
            return false;
        }
        client.generation = generation;
        client.channel = channel;
        client.closing = false;
        client.congestedSince = 0;
        replication.resume(client.replica, lastTick);
        if (client.lostGeneration >= generation) {
            // This connection dropped too before its resume got here: the seat stays held.
            markDisconnected(client);
            return true;
        }
        welcome(channel, playerId, resumeToken);
        if (!client.connected) {
            client.connected = true;
            game.onReconnect(playerId);
        }
        return true;
    }

    private void markDisconnected(RoomClient client) {
        if (client.connected) {
            client.connected = false;
            game.onDisconnect(client.playerId);
        }
    }

    private void welcome(ClientChannel channel, int playerId, String resumeToken) {
        GameInfo info = game.info();
        channel.write(Buffer.buffer(codec.encode(new Welcome(playerId, id, config.tickHz(), config.sendHz(),
                System.currentTimeMillis(), info.worldWidth(), info.worldHeight(), info.positionScale(), info.params(),
                resumeToken == null ? 0 : config.reconnectGraceMillis(), resumeToken))));
    }

    /** Queues an input for the next step; false (and counted) when the queue is full. Thread-safe. */
    public boolean offerInput(int playerId, Input input, long arrivalNanos) {
        return inputs.offer(playerId, input, arrivalNanos);
    }

    /** Applies the queued inputs, then advances the game by one step of {@code dt} seconds. */
    public void step(long tick, double dt) {
        long start = System.nanoTime();
        this.tick = tick;
        InputQueue.Batch batch = inputs.drain();
        for (int i = 0; i < batch.size(); i++) {
            int playerId = batch.playerId(i);
            RoomClient client = find(playerId);
            if (client == null || !client.connected) {
                continue;
            }
            game.onInput(playerId, batch.input(i));
            if (client.oldestUnsentInput == 0) {
                client.oldestUnsentInput = batch.arrivalNanos(i);
            }
        }
        game.tick(tick, dt);
        metrics.tickDuration(System.nanoTime() - start);
    }

    /** Captures the current state and writes it to every client that can take it. */
    public void send(long nowNanos) {
        long start = System.nanoTime();
        replication.capture((int) tick);
        for (RoomClient client : clients) {
            if (client.closing || !client.connected) {
                continue;
            }
            if (client.channel.writeQueueFull()) {
                skip(client, nowNanos);
                continue;
            }
            client.congestedSince = 0;
            client.channel.write(replication.nextFrame(client.replica));
            if (client.oldestUnsentInput != 0) {
                metrics.inputLatency(nowNanos - client.oldestUnsentInput);
                client.oldestUnsentInput = 0;
            }
        }
        metrics.sendDuration(System.nanoTime() - start);
    }

    /** The state written on the last send tick, or null before the first. */
    WorldState lastSentState() {
        return replication.current();
    }

    /**
     * Lets go of every seat, held ones included, closing their connections
     * with {@code reason} (ERROR + code for an application code), for a room
     * that stops. Safe from any thread (a watchdog fails a stuck room from
     * outside it); call it once.
     */
    public void closeAll(CloseReason reason, String message) {
        for (RoomClient client : clients) {
            client.channel.unseat(reason, message);
            // Unseated and counted here: the leaves these connections send next reach a room that no
            // longer listens. The game is not told; it may be why the room stops.
            metrics.playerLeft();
        }
        clients.clear();
    }

    private void skip(RoomClient client, long nowNanos) {
        metrics.snapshotSkipped();
        if (client.congestedSince == 0) {
            client.congestedSince = nowNanos;
        } else if (nowNanos - client.congestedSince > tooSlowNanos) {
            client.closing = true;
            client.channel.closeWithError(CloseReason.TOO_SLOW,
                    "connection too slow: updates backed up for over " + tooSlowNanos / 1_000_000 + " ms");
        }
    }

    private RoomClient find(int playerId) {
        for (RoomClient client : clients) {
            if (client.playerId == playerId) {
                return client;
            }
        }
        return null;
    }
}
