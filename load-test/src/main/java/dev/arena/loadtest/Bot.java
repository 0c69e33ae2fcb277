package dev.arena.loadtest;

import dev.arena.loadtest.Stats.Count;
import com.esotericsoftware.kryo.KryoException;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.MessageTags;
import dev.arena.server.protocol.Ping;
import dev.arena.server.protocol.Pong;
import dev.arena.server.protocol.ProtocolException;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.Redirect;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.state.ReplicatedWorld;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

import java.util.SplittableRandom;

/**
 * One simulated player: connects, joins the game of {@code --game} (quick-join
 * for the first bot of a room, by room id for the others), follows the room
 * state (its view of it, when the room has views: the entities it holds,
 * entering and leaving, are counted) from SNAPSHOT/DELTA, then every
 * {@code 1000 / inputHz} ms lets its game's {@link BotBehaviour} act: in the arena-bench workload
 * (docs/PERFORMANCE.md) an INPUT with an increasing seq and a unit direction
 * that changes at random about once a second. An input's latency ends at the
 * first update whose acknowledged seq reaches it ({@link LatencyTracker}; in
 * the arena, the own player's {@code lastSeq}). Answers server PINGs with
 * PONGs. The pacing and the measured inputs are {@link BotInputs}'.
 *
 * <p>How much of the state it keeps depends on what its behaviour needs:
 * the arena's steering needs only its own player's acknowledged seq, which a
 * {@link LightReplica} reads from each update in place; a behaviour that
 * looks at other entities, or every bot of a {@code --full-state} run,
 * rebuilds the whole state with the server's own {@link ReplicatedWorld}
 * from messages the codec decoded. Either way a frame that does not fit the
 * state held is a state error. Messages are read and written on the
 * socket's Netty channel ({@link BotSocket}), framed and masked by the bot
 * ({@link ClientFrames}).
 *
 * <p>With {@code --drop-every}, a playing bot cuts its TCP connection
 * without a close frame about that often (jittered, half to one and a half
 * times the interval) and takes its seat back with RESUME on a new
 * connection ({@link BotResume}), as a phone on a flaky network would.
 *
 * <p>Every method runs on its {@link BotGroup}'s event loop, except the
 * volatile join outcome the runner polls.
 */
final class Bot implements BotBehaviour.BotActions {
    enum Outcome { PENDING, JOINED, FAILED }

    enum State { IDLE, CONNECTING, JOINING, PLAYING, RESUMING, CLOSED }

    private static final long JOIN_TIMEOUT_MILLIS = 15_000;

    final int index;
    final int room;
    final boolean leader;
    private final BotGroup group;
    /** The group's client, held here as well: it must stay reachable while this bot's socket lives. */
    private final WebSocketClient client;
    private final FrameCodec codec;
    private final Stats stats;
    private final int inputHz;
    /** The game to join, or null for the server's default game. */
    private final String game;
    private final SplittableRandom random;
    private final ReplicatedWorld world = new ReplicatedWorld();
    /** Whether every bot keeps the whole state, whatever its behaviour needs ({@code --full-state}). */
    private final boolean fullState;
    /** The own player only, when the behaviour needs no more (chosen at WELCOME); else null. */
    private LightReplica light;
    private final ClientFrames frames;
    private final Runnable act = this::act;
    private final BotInputs inputs;
    /** The bot's network cuts and comebacks, or null without {@code --drop-every}. */
    private final BotResume resume;
    private final Promise<Void> closed = Promise.promise();
    private WebSocket ws;
    /** The Netty channel of {@link #ws}, where messages are read and written. */
    private BotSocket socket;
    private State state = State.IDLE;
    private volatile Outcome outcome = Outcome.PENDING;
    private volatile String roomId;
    private volatile String failure;
    private int playerId;
    private BotBehaviour behaviour;
    private long joinTimer = -1;
    private boolean stopping;
    /** When this bot started to join, for the join time (redirects included). */
    private long joinStarted;
    /** The JOIN last sent, repeated with the reservation after a REDIRECT. */
    private Join lastJoin;
    /** Where this bot's seat is: the entry node's connect options until a REDIRECT names another node. */
    private WebSocketConnectOptions nodeOptions;

    /**
     * @param game            the game to join, or null for the server's default game
     * @param fullState       keep the whole state whatever the behaviour needs ({@code --full-state})
     * @param dropEveryMillis how often the bot cuts its connection and resumes, about; 0 never
     */
    Bot(int index, int room, boolean leader, BotGroup group, Stats stats, String game, int inputHz, long seed,
        boolean fullState, long dropEveryMillis) {
        this.index = index;
        this.room = room;
        this.leader = leader;
        this.group = group;
        this.client = group.client();
        this.codec = group.codec();
        this.stats = stats;
        this.game = game;
        this.inputHz = inputHz;
        this.random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
        this.fullState = fullState;
        this.frames = new ClientFrames(random.nextInt());
        this.inputs = new BotInputs(group.wheel(), stats, random);
        this.resume = dropEveryMillis > 0 ? new BotResume(this, group, stats, dropEveryMillis, random.split()) : null;
    }

    Outcome outcome() {
        return outcome;
    }

    /** The room this bot's WELCOME named, once joined. */
    String roomId() {
        return roomId;
    }

    String failure() {
        return failure;
    }

    /**
     * Whether this bot's game behaviour measures input latency (false before its WELCOME). Any thread: the
     * volatile outcome, written after the behaviour, is read first.
     */
    boolean measuresLatency() {
        return outcome == Outcome.JOINED && behaviour.measuresLatency();
    }

    /** What this bot's latency is of ({@link BotBehaviour#latencyOf}), null before its WELCOME; any thread, as above. */
    BotBehaviour behaviour() {
        return outcome == Outcome.JOINED ? behaviour : null;
    }

    BotGroup group() {
        return group;
    }

    /** Gives up on a bot that was never started (its room's first bot failed, or the ramp ran out of time). */
    void abandon(String reason, String why) {
        rejectJoin(reason, why);
    }

    /**
     * Connects and joins {@code targetRoom} (null: quick-join). Called on the
     * group's loop.
     */
    void start(String targetRoom) {
        if (state != State.IDLE || stopping) {
            return;
        }
        state = State.CONNECTING;
        joinStarted = System.nanoTime();
        joinTimer = group.vertx().setTimer(JOIN_TIMEOUT_MILLIS, id -> {
            joinTimer = -1;
            if (state == State.CONNECTING || state == State.JOINING) {
                rejectJoin("no_welcome", "no WELCOME within " + JOIN_TIMEOUT_MILLIS + " ms");
                if (ws != null) {
                    ws.close();
                }
            }
        });
        nodeOptions = group.target().connectOptions();
        connect(nodeOptions(), new Join(ProtocolVersion.CURRENT, game, targetRoom, "bot" + index, 0, null));
    }

    /** Opens a socket and sends {@code join} on it: at start, and again after a REDIRECT to the node it names. */
    private void connect(WebSocketConnectOptions options, Join join) {
        client.connect(options).onComplete(ar -> {
            if (ar.failed() && ar.cause() instanceof UpgradeRejectedException refused) {
                String body = refused.getBody() == null ? "" : refused.getBody().toString().strip();
                String reason = refused.getHeaders() == null ? null : refused.getHeaders().get("X-Arena-Refusal");
                stats.upgradeRefused(reason != null ? reason : "http_" + refused.getStatus(), refused.getStatus(), body);
                rejectJoin("upgrade_" + (reason != null ? reason : refused.getStatus()),
                        "upgrade refused: HTTP " + refused.getStatus() + " " + body);
                state = State.CLOSED;
                closed.tryComplete();
                return;
            }
            if (ar.failed()) {
                fail(Count.CONNECT_FAILURES, "connect failed: " + FailureReasons.causes(ar.cause()));
                state = State.CLOSED;
                closed.tryComplete();
                return;
            }
            WebSocket socket = ar.result();
            attach(socket);
            if (stopping || state != State.CONNECTING) {
                socket.close();
                return;
            }
            state = State.JOINING;
            lastJoin = join;
            send(join);
        });
    }

    /**
     * The seat is on another node of the cluster: close this socket and join there with the
     * reservation, as the browser client does. That node's connect options are the bot's from now
     * on ({@link #nodeOptions}): a RESUME after a drop goes there, never back to the entry node.
     */
    private void onRedirect(Redirect redirect) {
        if (state != State.JOINING) {
            stats.increment(Count.STATE_ERRORS);
            return;
        }
        stats.increment(Count.REDIRECTS);
        WebSocketConnectOptions there;
        try {
            there = new Target(Target.parse(redirect.url()), group.target().insecure()).connectOptions();
        } catch (UsageException e) {
            rejectJoin("bad_redirect", "REDIRECT to an unusable URL: " + e.getMessage());
            ws.close();
            return;
        }
        // The entry socket closes quietly: it is no longer this bot's.
        detach().close();
        nodeOptions = there;
        state = State.CONNECTING;
        connect(nodeOptions(), lastJoin.redirected(redirect));
    }

    /**
     * The connect options of the node that holds this bot's seat: the entry node's, or the node a REDIRECT
     * named. A copy, for one connect.
     */
    WebSocketConnectOptions nodeOptions() {
        return new WebSocketConnectOptions(nodeOptions);
    }

    /**
     * Makes {@code socket} this bot's connection: only its frames and its close count from now on, so a
     * connection the bot cut (or gave up on), or one a REDIRECT left behind, can say nothing more.
     */
    void attach(WebSocket socket) {
        ws = socket;
        this.socket = BotSocket.attach(socket, (payload, arrival) -> {
            if (socket == ws) {
                onFrame(payload, arrival);
            }
        });
        // Only a message that came in fragments gets here (the game server sends none).
        socket.binaryMessageHandler(frame -> {
            if (socket == ws) {
                onFrame(Unpooled.wrappedBuffer(frame.getBytes()), System.nanoTime());
            }
        });
        socket.textMessageHandler(text -> stats.increment(Count.UNDECODABLE_FRAMES));
        socket.exceptionHandler(e -> {
            if (socket == ws && !stopping) {
                stats.increment(Count.SOCKET_EXCEPTIONS);
            }
        });
        socket.closeHandler(v -> {
            if (socket == ws) {
                onClose();
            }
        });
    }

    /** Lets go of the current connection: nothing it does counts any more. */
    WebSocket detach() {
        WebSocket socket = ws;
        ws = null;
        return socket;
    }

    /** Stops sending and closes the socket normally; the future completes when it is closed. */
    Future<Void> stop() {
        stopping = true;
        cancelTimers();
        if (resume != null) {
            resume.stop();
        }
        // CONNECTING: between sockets (a REDIRECT's new one is on its way); it is closed as it opens.
        if (ws == null || state == State.CLOSED || state == State.CONNECTING) {
            if (state == State.PLAYING || state == State.RESUMING) {
                stats.playing(-1);
            }
            state = State.CLOSED;
            closed.tryComplete();
        } else if (!ws.isClosed()) {
            ws.close();
        }
        return closed.future();
    }

    boolean stopping() {
        return stopping;
    }

    State state() {
        return state;
    }

    /** The tick of the state this bot holds, for RESUME. */
    int lastTick() {
        return light != null ? light.tick() : world.tick();
    }

    /**
     * The bot cut its connection to resume on a new one: it sends nothing
     * meanwhile, and inputs in flight are not measured (their acknowledgement
     * would time the reconnect, not the server). It still counts as playing.
     */
    void cutForResume() {
        state = State.RESUMING;
        inputs.stop(true);
    }

    /** The RESUME failed for good: the bot has left the game. */
    void resumeFailed(String why) {
        WebSocket socket = detach();
        state = State.CLOSED;
        stats.playing(-1);
        if (failure == null) {
            failure = why;
        }
        if (socket != null && !socket.isClosed()) {
            socket.close();
        }
        closed.tryComplete();
    }

    /** One whole message; {@code now} is when it arrived. */
    private void onFrame(ByteBuf frame, long now) {
        int length = frame.readableBytes();
        stats.add(Count.BYTES_IN, length);
        stats.increment(Count.MESSAGES_IN);
        int tag = length == 0 ? -1 : frame.getUnsignedByte(frame.readerIndex());
        if (light != null && (tag == MessageTags.SERVER_DELTA || tag == MessageTags.SERVER_SNAPSHOT)) {
            onLightUpdate(frame, tag, now);
            return;
        }
        ServerMessage message;
        try {
            message = codec.decodeServer(ByteBufUtil.getBytes(frame));
        } catch (ProtocolException e) {
            stats.increment(Count.UNDECODABLE_FRAMES);
            return;
        }
        if (message instanceof Delta delta) {
            if (state != State.PLAYING) {
                stats.increment(Count.STATE_ERRORS);
                return;
            }
            try {
                world.apply(delta);
            } catch (IllegalStateException e) {
                // A delta against a baseline this bot does not hold, or one that does not fit its view: a server bug.
                stats.increment(Count.STATE_ERRORS);
                return;
            }
            stats.add(Count.ENTERED, delta.spawns().size());
            stats.add(Count.LEFT, delta.removed().length);
            onUpdate(now);
        } else if (message instanceof Snapshot snapshot) {
            if (state != State.PLAYING) {
                stats.increment(Count.STATE_ERRORS);
                return;
            }
            world.apply(snapshot);
            onUpdate(now);
        } else if (message instanceof Ping ping) {
            send(new Pong(ping.time()));
            stats.increment(Count.PINGS_ANSWERED);
        } else if (message instanceof Welcome welcome) {
            onWelcome(welcome);
        } else if (message instanceof Redirect redirect) {
            onRedirect(redirect);
        } else if (message instanceof GameMessage gameMessage) {
            if (state == State.PLAYING && !stopping) {
                behaviour.onMessage(this, gameMessage);
            }
        } else if (message instanceof ErrorMessage error) {
            if (state == State.RESUMING) {
                resume.refused(error);
            } else if (state == State.JOINING) {
                // Never retried: a refusal is what the run measures (a retry would hide a server regression).
                rejectJoin(FailureReasons.refusedJoin(error.code()), "join refused: " + error.code() + " " + error.message());
                ws.close();
            } else if (!stopping) {
                stats.increment(Count.ERROR_MESSAGES);
                if (failure == null) {
                    failure = "ERROR " + error.code() + " " + error.message();
                }
            }
        }
        // A server PONG answers a client PING; bots send none.
    }

    /** A SNAPSHOT or DELTA, read in place into the {@link LightReplica}. */
    private void onLightUpdate(ByteBuf frame, int tag, long now) {
        if (state != State.PLAYING) {
            stats.increment(Count.STATE_ERRORS);
            return;
        }
        try {
            light.apply(frame);
        } catch (IllegalStateException e) {
            // A delta against a baseline this bot does not hold, or one that does not fit its state: a server bug.
            stats.increment(Count.STATE_ERRORS);
            return;
        } catch (ProtocolException | KryoException e) {
            stats.increment(Count.UNDECODABLE_FRAMES);
            return;
        }
        if (tag == MessageTags.SERVER_DELTA) {
            stats.add(Count.ENTERED, light.spawned());
            stats.add(Count.LEFT, light.removed());
        }
        onUpdate(now, light.size(), light.holdsOwn(), light.ownField(behaviour.ackField(), BotBehaviour.NO_ACK));
    }

    private void onWelcome(Welcome welcome) {
        if (state == State.RESUMING && welcome.playerId() == playerId) {
            state = State.PLAYING;
            resume.resumed(welcome);
            return;
        }
        if (state != State.JOINING) {
            stats.increment(Count.STATE_ERRORS);
            return;
        }
        cancelJoinTimer();
        stats.recordJoinNanos(System.nanoTime() - joinStarted);
        state = State.PLAYING;
        playerId = welcome.playerId();
        roomId = welcome.roomId();
        behaviour = BotBehaviours.forGame(welcome.game(), inputHz, random);
        if (!fullState && !behaviour.needsWorld()) {
            light = new LightReplica();
            light.own(playerId);
        }
        stats.increment(Count.JOINED);
        stats.playing(1);
        outcome = Outcome.JOINED;
        if (resume != null) {
            resume.seated(welcome);
        }
    }

    /** After an update rebuilt into the {@link ReplicatedWorld}. */
    private void onUpdate(long now) {
        boolean holdsOwn = world.get(playerId) != null;
        onUpdate(now, world.size(), holdsOwn, holdsOwn ? behaviour.acknowledgedSeq(world, playerId) : BotBehaviour.NO_ACK);
    }

    /**
     * After any update: {@code held} entities, whether the own player is
     * among them and the seq acknowledged ({@link BotBehaviour#NO_ACK}: none).
     */
    private void onUpdate(long now, int held, boolean holdsOwn, int acknowledged) {
        stats.increment(Count.UPDATES);
        // The bot's view (PROTOCOL.md "Views"): what it holds is what the server lets it see.
        stats.add(Count.VIEW_ENTITIES, held);
        if (!stopping) {
            inputs.start(act);
        }
        if (!holdsOwn) {
            stats.increment(Count.STATE_ERRORS);
            return;
        }
        if (acknowledged != BotBehaviour.NO_ACK) {
            inputs.acknowledged(acknowledged, now);
        }
    }

    private void act() {
        if (state != State.PLAYING || stopping) {
            return;
        }
        if (!socket.writable()) {
            // Never queue without bound: a server that does not read gets no more inputs.
            stats.increment(Count.INPUTS_SKIPPED);
            return;
        }
        behaviour.act(this);
    }

    @Override
    public void steer(float dx, float dy, int buttons) {
        inputs.steer(socket, frames, dx, dy, buttons);
    }

    @Override
    public void message(int type, byte[] payload) {
        send(new GameMessage(type, payload));
    }

    @Override
    public void message(int type, byte[] payload, int ackSeq) {
        inputs.sent(ackSeq);
        send(new GameMessage(type, payload));
    }

    @Override
    public void refused(String why) {
        stats.increment(Count.GAME_REFUSALS);
        if (failure == null) {
            failure = why;
        }
    }

    @Override
    public ReplicatedWorld world() {
        return world;
    }

    @Override
    public int playerId() {
        return playerId;
    }

    void send(dev.arena.server.protocol.ClientMessage message) {
        byte[] bytes = codec.encode(message);
        socket.write(frames.message(socket.alloc(), bytes));
        socket.flush();
        stats.add(Count.BYTES_OUT, bytes.length);
        stats.increment(Count.MESSAGES_OUT);
    }

    private void onClose() {
        State was = state;
        if (was == State.RESUMING && !stopping) {
            // A RESUME attempt's connection closed before its WELCOME: try again while the window lasts.
            resume.attemptClosed("closed before WELCOME: " + ws.closeStatusCode() + " " + ws.closeReason());
            return;
        }
        state = State.CLOSED;
        cancelTimers();
        if (resume != null) {
            resume.stop();
        }
        if (was == State.PLAYING || was == State.RESUMING) {
            stats.playing(-1);
        }
        if (!stopping && outcome != Outcome.FAILED) {
            stats.increment(Count.UNEXPECTED_CLOSES);
            String why = "closed by the server: " + ws.closeStatusCode() + " " + ws.closeReason();
            if (was == State.PLAYING) {
                stats.increment(Count.DISCONNECTS);
                if (failure == null) {
                    failure = why;
                }
            } else {
                rejectJoin(ws.closeStatusCode() == null ? "closed_abnormal" : "closed_" + ws.closeStatusCode(), why);
            }
        }
        closed.tryComplete();
    }

    /** A join that did not happen, counted in {@link Count#REJECTED_JOINS} and by {@code reason}. */
    private void rejectJoin(String reason, String why) {
        if (fail(Count.REJECTED_JOINS, why)) {
            stats.rejectedJoin(reason);
        }
    }

    /** Ends a pending bot's join as failed, counted once; false when it had already ended. */
    private boolean fail(Count count, String why) {
        if (outcome != Outcome.PENDING) {
            return false;
        }
        stats.increment(count);
        failure = why;
        outcome = Outcome.FAILED;
        cancelJoinTimer();
        return true;
    }

    private void cancelJoinTimer() {
        if (joinTimer >= 0) {
            group.vertx().cancelTimer(joinTimer);
            joinTimer = -1;
        }
    }

    private void cancelTimers() {
        cancelJoinTimer();
        inputs.stop(false);
    }
}
