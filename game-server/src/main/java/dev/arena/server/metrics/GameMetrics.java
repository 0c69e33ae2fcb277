package dev.arena.server.metrics;

import dev.arena.server.game.MessageTypes;
import dev.arena.server.protocol.CloseReason;

/**
 * What the server measures about play, in domain terms. Implementations must
 * be thread-safe and cheap: these are called from tick, encode and write
 * paths on every event loop. Labels are low-cardinality by contract: a
 * {@code reason} is a {@link CloseReason} of the metric's set in
 * {@link MetricReasons} (anything else is recorded as {@code other}), never a
 * room or session id.
 * docs/OPERATIONS.md gives the Prometheus name of each meter.
 */
public interface GameMetrics {
    /** Wall time of one simulation step: applying the queued inputs and the game's tick. */
    void tickDuration(long nanos);

    /** How late a timer wake-up that ran steps was against the first step's due time. */
    void tickLateness(long nanos);

    /**
     * A timer wake-up found more than one step due: the room fell at least
     * one tick period behind and runs the missed steps at once.
     */
    void tickOverrun();

    /** Steps skipped because a room fell more than the catch-up cap behind. */
    void ticksDropped(int steps);

    /** Wall time of one send tick: capturing the state, encoding and writing it to every client. */
    void sendDuration(long nanos);

    /** From an input frame's arrival to the write of the first update that reflects it. */
    void inputLatency(long nanos);

    /** Round-trip time measured by a server PING and the client's PONG. */
    void roundTrip(long nanos);

    /**
     * A connection refused before any WebSocket existed, by a reason of
     * {@link MetricReasons#UPGRADE_REFUSALS}: an upgrade answered with 503 or
     * 403, or a connection closed because it sent no whole request in time.
     */
    void upgradeRefused(String reason);

    /** A WebSocket connection opened. */
    void connectionOpened();

    /**
     * A WebSocket connection began to close, by a reason of
     * {@link MetricReasons#CONNECTION_CLOSES}: the server decided to close it,
     * or the peer closed it. Once per connection.
     */
    void connectionClosed(CloseReason reason);

    /** A WebSocket connection is gone (its TCP connection closed); it no longer counts as active. */
    void connectionEnded();

    /** A player took a seat in a room. */
    void playerJoined();

    /** A player left its room: LEAVE, a closed connection, or the room stopping. */
    void playerLeft();

    /** A join refused, by a reason of {@link MetricReasons#JOIN_REFUSALS}. */
    void joinRefused(CloseReason reason);

    /** A join answered with REDIRECT: its seat was reserved on another node of the cluster. */
    void redirected();

    /** A seat reserved for a redirected player was released: no JOIN claimed it in time. */
    void reservationExpired();

    /**
     * The meters of one game, registered at zero on the first call and the
     * same object on every later call for that game.
     */
    GameMeters game(String name, MessageTypes types);

    /** A room started ticking. */
    void roomStarted();

    /** A room stopped ticking, for whatever cause (disposed, failed, server stopping). */
    void roomStopped();

    /** A room stopped because its game threw, or a game call ran past {@code room.failTickMillis}. */
    void roomFailed();

    /** A game call ran longer than {@code room.maxTickMillis}. */
    void tickTooLong();

    /** A RESUME was answered, by how it ended. */
    void resume(ResumeResult result);

    /** A seat went into its grace window after a drop (+1), or left it: resumed or freed (-1). */
    void seatsHeld(int delta);

    /** A binary frame arrived from a client, of {@code bytes} payload bytes. */
    void frameReceived(int bytes);

    /** A frame handed to a socket; an encoded update written to N sockets counts N times. */
    void frameSent(int bytes);

    /** Size of one encoded update, counted once per encode, not per recipient. */
    void snapshotEncoded(boolean full, int bytes);

    /**
     * One state update handed to one client of a room with views: the
     * entities its view holds after it and the frame's size. Called per
     * client per send tick on the room's thread (rooms without views send
     * every up-to-date client one shared frame, seen by {@link #snapshotEncoded}).
     */
    void updateSent(int entities, int bytes);

    /** Grid cells of a room with views whose entities' changes one send tick encoded. */
    void cellsEncoded(int cells);

    /** An update not sent to a client whose socket was congested. */
    void snapshotSkipped();

    /** A client frame refused, by a reason of {@link MetricReasons#FRAME_REJECTIONS}. */
    void frameRejected(CloseReason reason);

    /** An input dropped because the room's input queue was full. */
    void inputDropped();
}
