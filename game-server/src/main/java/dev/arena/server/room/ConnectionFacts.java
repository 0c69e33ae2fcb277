package dev.arena.server.room;

/**
 * What an operator sees of one client's connection (the admin API's player
 * list): where it comes from, since when, its latency and its traffic. A
 * snapshot, read from any thread. For a seat held after a drop it is the
 * last connection's, frozen at the drop.
 *
 * @param address           the client address as admission computed it (the TCP peer, or the client named by
 *                          {@code X-Forwarded-For} from a trusted proxy)
 * @param connectedAtMillis when the WebSocket opened, ms since the Unix epoch
 * @param rttMicros         the latest PING/PONG round trip, or -1 before the first
 * @param bytesIn           WebSocket payload bytes received on it
 * @param bytesOut          WebSocket payload bytes written to it
 */
public record ConnectionFacts(String address, long connectedAtMillis, long rttMicros, long bytesIn, long bytesOut) {
    /** For a channel that is no connection (the room tests' own). */
    public static final ConnectionFacts NONE = new ConnectionFacts("none", 0, -1, 0, 0);
}
