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
import dev.arena.server.state.EntityStore;
import dev.arena.server.state.Replica;
import dev.arena.server.state.Replication;
import dev.arena.server.state.WorldState;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The mechanics of one room, apart from the game's rules and from timers:
 * seats, the bounded input queue, fixed steps and the send tick.
 * {@link RoomVerticle} drives it from a timer; tests call {@link #step} and
 * {@link #send} directly. Single-threaded: only the room's thread calls it.
 *
 * <p>What each client is sent is the {@link Replication}'s business (the
 * whole room, or the client's view under the game's visibility rule): each
 * seat holds its client's {@link Replica}, and on a send tick the room hands
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
    private final List<Client> clients = new ArrayList<>();
    private long tick;

    public Room(String id, RoomConfig config, long tooSlowNanos, GameFactory gameFactory, RandomGenerator random,
                GameMetrics metrics) {
        this.id = id;
        this.config = config;
        this.tooSlowNanos = tooSlowNanos;
        this.metrics = metrics;
        EntityStore world = new EntityStore();
        this.game = gameFactory.create(world, random);
        this.replication = Replication.of(world, game.visibility(), config.snapshotHistory(), metrics);
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
            return JoinResult.refused(CloseReason.ROOM_FULL,
                    "room " + id + " is full (" + config.capacity() + " players)");
        }
        int playerId = game.onJoin(name);
        clients.add(new Client(playerId, channel, replication.newReplica(playerId)));
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
            Client client = find(playerId);
            if (client == null) {
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
        for (Client client : clients) {
            if (client.closing) {
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

    /** Closes every client with {@code reason} (ERROR + code for an application code), for a room that stops. */
    public void closeAll(CloseReason reason, String message) {
        for (Client client : clients) {
            client.channel.closeWithError(reason, message);
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
            client.channel.closeWithError(CloseReason.TOO_SLOW,
                    "connection too slow: updates backed up for over " + tooSlowNanos / 1_000_000 + " ms");
        }
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
        final Replica replica;
        long congestedSince;
        long oldestUnsentInput;
        boolean closing;

        Client(int playerId, ClientChannel channel, Replica replica) {
            this.playerId = playerId;
            this.channel = channel;
            this.replica = replica;
        }
    }
}
