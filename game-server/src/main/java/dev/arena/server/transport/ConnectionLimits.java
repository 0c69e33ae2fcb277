package dev.arena.server.transport;

import dev.arena.server.config.AdmissionConfig;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WebSockets a server holds, in all and by client address, against
 * {@code http.maxConnections} and {@code http.maxConnectionsPerIp}. One
 * instance is shared by every HTTP verticle of a server (so it is
 * thread-safe); an address's entry exists only while it holds a socket.
 */
public final class ConnectionLimits {
    private final int maxPerAddress;
    private final int maxTotal;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> byAddress = new ConcurrentHashMap<>();

    public ConnectionLimits(AdmissionConfig config) {
        this.maxPerAddress = config.maxConnectionsPerIp();
        this.maxTotal = config.maxConnections();
    }

    /**
     * Takes a slot for one more socket from {@code address}.
     *
     * @return null when taken (give it back with {@link #release}), else the refusal
     */
    UpgradeRefusal tryAcquire(String address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return UpgradeRefusal.SERVER_FULL;
        }
        boolean[] full = new boolean[1];
        byAddress.compute(address, (key, held) -> {
            int n = held == null ? 0 : held;
            full[0] = n >= maxPerAddress;
            return full[0] ? held : n + 1;
        });
        if (full[0]) {
            total.decrementAndGet();
            return UpgradeRefusal.PER_IP;
        }
        return null;
    }

    /** Gives back a slot {@link #tryAcquire} took. */
    void release(String address) {
        byAddress.computeIfPresent(address, (key, held) -> held <= 1 ? null : held - 1);
        total.decrementAndGet();
    }

    /** Sockets held now, for tests and logs. */
    int total() {
        return total.get();
    }
}
