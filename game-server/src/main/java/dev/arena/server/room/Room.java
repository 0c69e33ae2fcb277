package dev.arena.server.room;

import dev.arena.server.config.GameConfig;
import dev.arena.server.config.RoomConfig;
import dev.arena.server.game.Game;
import dev.arena.server.game.GameDefinition;
import dev.arena.server.game.GameFactory;
import dev.arena.server.game.GameInfo;
import dev.arena.server.game.SettingValues;
import dev.arena.server.metrics.GameMeters;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.CloseReason;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.ProtocolException;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.state.EntityStore;
import dev.arena.server.state.Replication;
import dev.arena.server.state.WireFrame;
import dev.arena.server.state.WorldState;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The mechanics of one room, apart from the game's rules and from timers:
 * seats (players and spectators), the bounded input queue, fixed steps, the
 * send tick and the game's MESSAGEs. {@link RoomVerticle} drives it from a
 * timer; tests call {@link #step} and {@link #send} directly.
 * Single-threaded: only the room's thread calls it.
 *
 * <p>What each client is sent is the {@link Replication}'s business (the
 * whole room, or the client's view under the game's visibility rule): each
 * seat holds its client's replica, and on a send tick the room's
 * {@link Fanout} hands every client whose socket can take it the
 * replication's next frame, then the game MESSAGEs queued for it since the
 * last send tick. A congested client is skipped (its replica keeps its older
 * baseline); one congested for longer than {@code tooSlowNanos} is closed.
 * A spectator gets the stream of a
 * client without an entity of its own (under the built-in rules, the whole
 * room) and counts against {@code room.maxSpectators}, not the capacity.
 *
 * <p>A player's seat outlives its connection (PROTOCOL.md, "RESUME"): when the
 * transport reports a drop ({@link #disconnect}) the seat is held, its entity
 * stays and nothing is sent to it, until it {@link #resume resumes} on a new
 * channel or the transport's grace window ends with a {@link #leave}. A held
 * seat counts against the capacity and keeps the room from being empty.
 * {@link #closeAll} may come from another thread (a watchdog failing a stuck
 * room), so the seats are safe to read from there.
 */
public final class Room {
    private final RoomSetup setup;
    private final RoomConfig config;
    private final GameMetrics metrics;
    private final GameMeters meters;
    private final FrameCodec codec = new FrameCodec();
    private final Seats seats = new Seats();
    private final Replication replication;
    private final Fanout fanout;
    private final InputQueue inputs;
    private final RoomContext context;
    private final Game game;
    private long tick;

    public Room(RoomSetup setup, RandomGenerator random, GameMetrics metrics) {
        this.setup = setup;
        this.config = setup.game().rooms();
        this.metrics = metrics;
        this.meters = setup.game().meters();
        EntityStore world = new EntityStore();
        this.inputs = new InputQueue(config.inputQueueSize(), metrics);
        this.context = new RoomContext(setup, world, random, codec, seats);
        this.game = setup.game().definition().create(context);
        // The game first: its visibility rule decides how the room replicates.
        this.replication = Replication.of(world, game.visibility(), config.snapshotHistory(), metrics);
        this.fanout = new Fanout(seats, replication, metrics, setup.tooSlowNanos());
    }

    /** A public room of a game written against the first API, sized by {@code config} (tests of the mechanics). */
    public Room(String id, RoomConfig config, long tooSlowNanos, GameFactory gameFactory, RandomGenerator random,
                GameMetrics metrics) {
        this(legacySetup(id, config, tooSlowNanos, GameDefinition.of(config.game(), gameFactory), metrics), random,
                metrics);
    }

    private static RoomSetup legacySetup(String id, RoomConfig config, long tooSlowNanos, GameDefinition definition,
                                         GameMetrics metrics) {
        GameConfig game = new GameConfig(config.game(), config.capacity(), config.tickHz(), config.sendHz(),
                new SettingValues(config.game(), Map.of()));
        OfferedGame offered = new OfferedGame(definition, game, config,
                metrics.game(config.game(), definition.messageTypes()));
        return new RoomSetup(id, offered, tooSlowNanos, 65_536, null);
    }

    public String id() {
        return setup.id();
    }

    /** Players seated, held seats included: the capacity counts these, not spectators. */
    public int players() {
        return seats.players();
    }

    public int spectators() {
        return seats.spectators();
    }

    /** Whether nobody, player (held seats included) or spectator, is in the room. */
    public boolean empty() {
        return seats.isEmpty();
    }

    public long tick() {
        return tick;
    }

    /** The metadata the game has set, a copy. */
    public Map<String, String> metadata() {
        return context.metadata();
    }

    /**
     * Whether what the room list shows of this room besides its player count
     * (spectators, metadata) changed since the last call: the room then
     * reports it to the registry.
     */
    public boolean takeStatusChange() {
        return context.takeMetadataChange() | seats.takeSpectatorsChange();
    }

    /** Seats a player without a resume token, or refuses when the room is full (tests of the mechanics). */
    public JoinResult join(String name, ClientChannel channel) {
        return join(name, false, channel, null);
    }

    /** Seats a player or a spectator without a resume token (tests of the mechanics). */
    public JoinResult join(String name, boolean spectator, ClientChannel channel) {
        return join(name, spectator, channel, null);
    }

    /**
     * Seats a player or a spectator, or refuses when the room has no place
     * for it (seats held for dropped players count). On success the client is
     * sent WELCOME now and a full snapshot on the next send tick. A
     * spectator's seat number is negative.
     *
     * @param resumeToken the seat's resume token, for WELCOME; null when resume is off and for a spectator
     */
    public JoinResult join(String name, boolean spectator, ClientChannel channel, String resumeToken) {
        if (spectator) {
            if (seats.spectators() >= config.maxSpectators()) {
                return JoinResult.refused(CloseReason.SPECTATORS_FULL,
                        "room " + id() + " has all the spectators it takes (" + config.maxSpectators() + ")");
            }
            // Viewer 0: a client without an entity of its own, which the built-in rules let see everything.
            Client client = new Client(seats.nextSpectatorSeat(), true, name, channel, replication.newReplica());
            seats.add(client);
            meters.spectatorJoined();
            welcome(client, null);
            return JoinResult.joined(id(), client.seat, inputs, seats.players());
        }
        if (seats.players() >= config.capacity()) {
            return JoinResult.refused(CloseReason.ROOM_FULL,
                    "room " + id() + " is full (" + config.capacity() + " players)");
        }
        Client client = null;
        seats.startSeating();
        try {
            int playerId = game.onJoin(name);
            client = new Client(playerId, false, name, channel, replication.newReplica(playerId));
            seats.add(client);
        } finally {
            seats.seated(client);
        }
        welcome(client, resumeToken);
        metrics.playerJoined();
        return JoinResult.joined(id(), client.seat, inputs, seats.players());
    }

    private void welcome(Client client, String resumeToken) {
        GameInfo info = game.info();
        ClientChannel channel = client.channel;
        channel.write(WireFrame.of(codec.encode(new Welcome(ProtocolVersion.CURRENT,
                client.spectator ? 0 : client.seat, id(), config.game(), client.spectator ? Welcome.SPECTATOR : 0,
                setup.privateCode(), config.tickHz(), config.sendHz(), System.currentTimeMillis(), info.worldWidth(),
                info.worldHeight(), info.positionScale(), info.params(),
                resumeToken == null ? 0 : config.reconnectGraceMillis(), resumeToken))));
        channel.flush();
    }

    /**
     * The player left for good (LEAVE, its grace window ended, or it broke
     * the protocol) or the spectator left or its connection closed; a no-op
     * for an unknown seat.
     */
    public void leave(int seat) {
        Client client = seats.remove(seat);
        if (client == null) {
            return;
        }
        if (client.spectator) {
            meters.spectatorLeft();
        } else {
            game.onLeave(seat);
            metrics.playerLeft();
        }
    }

    /**
     * The connection of attachment {@code generation} of a player's seat
     * dropped without LEAVE: the seat is held, its entity stays and nothing is
     * sent to it until it {@link #resume resumes}. Stale (an older attachment)
     * or repeated news is ignored; news of an attachment whose resume has not
     * arrived yet is kept for it (the transport's messages may cross).
     */
    public void disconnect(int playerId, int generation) {
        Client client = seats.find(playerId);
        if (client == null || client.spectator || generation < client.generation) {
            return;
        }
        client.lostGeneration = Math.max(client.lostGeneration, generation);
        if (generation == client.generation) {
            markDisconnected(client);
        }
    }

    /**
     * The player is back on a new connection, attachment {@code generation},
     * holding the state of {@code lastTick} (-1: none). It is sent WELCOME now
     * on {@code channel}, which replaces the old one, and from the next send
     * tick a DELTA from {@code lastTick} (of the view it held) when this seat
     * was sent that state and the history still has it, else a SNAPSHOT.
     *
     * @return false when the room no longer holds the player, or the attachment is older than one it knows
     */
    public boolean resume(int playerId, int generation, int lastTick, ClientChannel channel, String resumeToken) {
        Client client = seats.find(playerId);
        if (client == null || client.spectator || generation <= client.generation) {
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
        welcome(client, resumeToken);
        if (!client.connected) {
            client.connected = true;
            game.onReconnect(playerId);
        }
        return true;
    }

    private void markDisconnected(Client client) {
        if (client.connected) {
            client.connected = false;
            game.onDisconnect(client.seat);
        }
    }

    /** The seats, players (held ones too) and spectators: what an operator acts on ({@link RoomOperator}). */
    Seats seats() {
        return seats;
    }

    /** This room's codec, for frames the room writes outside a send tick; the room's thread only. */
    FrameCodec codec() {
        return codec;
    }

    RoomSetup setup() {
        return setup;
    }

    /** Queues an input for the next step; false (and counted) when the queue is full. Thread-safe. */
    public boolean offerInput(int playerId, Input input, long arrivalNanos) {
        return inputs.offerInput(playerId, input.seq(), input.dx(), input.dy(), input.buttons(), arrivalNanos);
    }

    /** Queues a game MESSAGE for the next step, with the inputs; false (and counted) when the queue is full. Thread-safe. */
    public boolean offerMessage(int playerId, GameMessage message, long arrivalNanos) {
        return inputs.offer(playerId, message, arrivalNanos);
    }

    /** Applies the queued inputs and messages, then advances the game by one step of {@code dt} seconds. */
    public void step(long tick, double dt) {
        long start = System.nanoTime();
        this.tick = tick;
        InputQueue.Batch batch = inputs.drain();
        for (int i = 0; i < batch.size(); i++) {
            Client client = seats.find(batch.playerId(i));
            // Spectators cannot send these (their session refuses them); a closing or held seat's are dropped.
            if (client == null || client.spectator || client.closing || !client.connected) {
                continue;
            }
            GameMessage m = batch.message(i);
            if (m == null) {
                // A record made here and only read by the game: the JIT can keep it out of the heap.
                game.onInput(client.seat, batch.input(i));
                if (client.oldestUnsentInput == 0) {
                    client.oldestUnsentInput = batch.arrivalNanos(i);
                }
            } else {
                meters.messageReceived(m.type());
                try {
                    game.onMessage(client.seat, m.type(), m.payload());
                } catch (ProtocolException e) {
                    // A payload the game cannot read: the sender broke the protocol, not the game.
                    metrics.frameRejected(e.reason());
                    client.closing = true;
                    client.channel.closeWithError(e.reason(), e.getMessage());
                }
            }
        }
        game.tick(tick, dt);
        metrics.tickDuration(System.nanoTime() - start);
    }

    /** Captures the current state and writes it, then the queued MESSAGEs, to every client that can take it. */
    public void send(long nowNanos) {
        long start = System.nanoTime();
        fanout.send((int) tick, nowNanos);
        metrics.sendDuration(System.nanoTime() - start);
    }

    /** The state written on the last send tick, or null before the first. */
    WorldState lastSentState() {
        return replication.current();
    }

    /**
     * Lets go of every seat, held ones included, closing their connections
     * with {@code reason} (ERROR + code for an application code), for a room
     * that stops: a player's seat can no longer be resumed. Safe from any
     * thread (a watchdog fails a stuck room from outside it); call it once.
     */
    public void closeAll(CloseReason reason, String message) {
        for (Client client : seats) {
            client.channel.unseat(reason, message);
            // Unseated and counted here: the leaves these connections send next reach a room that no
            // longer listens. The game is not told; it may be why the room stops.
            if (client.spectator) {
                meters.spectatorLeft();
            } else {
                metrics.playerLeft();
            }
        }
        seats.clear();
    }

    /**
     * Releases what the room holds outside the heap (the last send tick's
     * frames): the room has stopped. On the room's thread, after
     * {@link #closeAll}; nothing is sent after this.
     */
    public void dispose() {
        replication.close();
    }
}
