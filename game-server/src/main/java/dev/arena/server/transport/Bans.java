package dev.arena.server.transport;

import dev.arena.server.config.IpBlock;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The node's bans, checked at every WebSocket upgrade ({@link UpgradeGate})
 * and changed by the admin API. In memory only: a restart forgets them (the
 * operators' list is the place to keep them for good). Bounded by
 * {@code management.maxBans}: a ban past it is refused, so the list cannot
 * grow without end and the check at the door stays cheap. A ban of a block
 * already banned replaces it (same id, the new end and reason). An expired
 * ban stops matching at once and is dropped from the list at the next change
 * or listing.
 *
 * <p>Thread-safe: upgrades on every event loop read an immutable snapshot
 * without locking; changes are rare and synchronized.
 */
public final class Bans {
    private static final int ID_BYTES = 6;

    private final int max;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();
    private volatile List<Ban> bans = List.of();

    /**
     * @param max   {@code management.maxBans}
     * @param clock wall-clock milliseconds since the Unix epoch ({@link System#currentTimeMillis})
     */
    public Bans(int max, LongSupplier clock) {
        this.max = max;
        this.clock = clock;
    }

    public int max() {
        return max;
    }

    public long now() {
        return clock.getAsLong();
    }

    /** The ban that covers {@code address} now, or null. Lock-free. */
    public Ban match(String address) {
        List<Ban> current = bans;
        if (current.isEmpty()) {
            return null;
        }
        byte[] literal = IpBlock.literal(address);
        long now = clock.getAsLong();
        for (Ban ban : current) {
            if (ban.activeAt(now) && ban.block().contains(literal)) {
                return ban;
            }
        }
        return null;
    }

    /**
     * Bans {@code block} for {@code seconds} from now.
     *
     * @return the ban (a new one, or the block's earlier ban with its new end and reason), or null when the list
     *         holds {@code management.maxBans} bans already
     */
    public synchronized Ban add(IpBlock block, long seconds, String reason) {
        long now = clock.getAsLong();
        List<Ban> kept = pruned(now);
        String canonical = block.canonical();
        Ban same = kept.stream().filter(b -> b.block().canonical().equals(canonical)).findFirst().orElse(null);
        if (same == null && kept.size() >= max) {
            bans = List.copyOf(kept);
            return null;
        }
        Ban ban = new Ban(same == null ? newId() : same.id(), block, reason, now, now + seconds * 1000);
        kept.remove(same);
        kept.add(ban);
        bans = List.copyOf(kept);
        return ban;
    }

    /**
     * Takes a ban made elsewhere (another node's admin API): added, or replacing the ban of the same id.
     *
     * @return false when it is new here and the list is full
     */
    public synchronized boolean apply(Ban ban) {
        List<Ban> kept = pruned(clock.getAsLong());
        boolean known = kept.removeIf(b -> b.id().equals(ban.id()));
        if (!known && kept.size() >= max) {
            return false;
        }
        kept.add(ban);
        bans = List.copyOf(kept);
        return true;
    }

    /** Lifts the ban of {@code id}: its block may connect again at once. Returns it, or null when unknown. */
    public synchronized Ban lift(String id) {
        List<Ban> kept = pruned(clock.getAsLong());
        Ban lifted = kept.stream().filter(b -> b.id().equals(id)).findFirst().orElse(null);
        kept.remove(lifted);
        bans = List.copyOf(kept);
        return lifted;
    }

    /** The bans in force, oldest first. */
    public synchronized List<Ban> list() {
        List<Ban> kept = pruned(clock.getAsLong());
        bans = List.copyOf(kept);
        kept.sort(Comparator.comparingLong(Ban::createdAtMillis));
        return List.copyOf(kept);
    }

    private List<Ban> pruned(long now) {
        List<Ban> kept = new ArrayList<>();
        for (Ban ban : bans) {
            if (ban.activeAt(now)) {
                kept.add(ban);
            }
        }
        return kept;
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return "b" + HexFormat.of().formatHex(bytes);
    }
}
