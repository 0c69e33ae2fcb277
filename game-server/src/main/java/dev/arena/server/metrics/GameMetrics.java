package dev.arena.server.metrics;

/**
 * What the server measures about play, in domain terms. Implementations must
 * be thread-safe and cheap: these are called from tick, encode and write
 * paths. Labels are low-cardinality by contract: a {@code reason} is one of
 * a small fixed set, never a room or session id.
 */
public interface GameMetrics {
    /** Wall time of one simulation step, game code included. */
    void tickDuration(long nanos);

    /** How late a tick started against its schedule. */
    void tickLateness(long nanos);

    /** Steps skipped because a room fell more than the catch-up cap behind. */
    void ticksDropped(int steps);

    /** From an input frame's arrival to the write of the first update that reflects it. */
    void inputLatency(long nanos);

    /** Round-trip time measured by a server PING and the client's PONG. */
    void roundTrip(long nanos);

    /** A WebSocket connection opened. */
    void connectionOpened();

    /** A WebSocket connection closed, by a bounded reason (see {@code CloseReasons}). */
    void connectionClosed(String reason);

    void playerJoined();

    void playerLeft();

    /** A join refused, by reason: room_full, unknown_room, server_full, bad_request. */
    void joinRefused(String reason);

    void roomStarted();

    void roomStopped();

    /** A room stopped because its game threw. */
    void roomFailed();

    void frameReceived(int bytes);

    /** A frame handed to a socket; an encoded update written to N sockets counts N times. */
    void frameSent(int bytes);

    /** Size of one encoded update, counted once per encode, not per recipient. */
    void snapshotEncoded(boolean full, int bytes);

    /** An update not sent to a client whose socket was congested. */
    void snapshotSkipped();

    /** A client frame refused, by a bounded reason (text, too_big, truncated, rate_limited, ...). */
    void frameRejected(String reason);

    /** An input dropped because the room's input queue was full. */
    void inputDropped();
}
