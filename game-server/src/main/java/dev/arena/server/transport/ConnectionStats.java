package dev.arena.server.transport;

import dev.arena.server.room.ConnectionFacts;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection's running facts for operators ({@link ConnectionFacts}):
 * its client address, when it opened, its latest round trip and its bytes
 * each way. Counted where the bytes pass: received on the connection's event
 * loop, written from there and from its room's thread (so that count is
 * atomic). Read from any thread.
 */
final class ConnectionStats {
    private final String address;
    private final long openedAtMillis;
    private final AtomicLong bytesOut = new AtomicLong();
    private volatile long bytesIn;
    private volatile long rttMicros = -1;

    ConnectionStats(String address, long openedAtMillis) {
        this.address = address;
        this.openedAtMillis = openedAtMillis;
    }

    /** The client address as admission computed it: bans and the per-address cap use the same. */
    String address() {
        return address;
    }

    /** On the connection's event loop only: one writer, so a volatile add is exact. */
    void received(int bytes) {
        bytesIn += bytes;
    }

    void sent(int bytes) {
        bytesOut.addAndGet(bytes);
    }

    void roundTrip(long micros) {
        rttMicros = micros;
    }

    ConnectionFacts facts() {
        return new ConnectionFacts(address, openedAtMillis, rttMicros, bytesIn, bytesOut.get());
    }
}
