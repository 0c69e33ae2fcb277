package dev.arena.server.transport;

import dev.arena.server.config.IpBlock;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * An operator's ban of an address or a CIDR block until a moment: upgrades
 * from it are refused with 403 ({@code banned}) and its connections were
 * closed with 4016 when it was made. Times are wall-clock (epoch ms), so a
 * ban means the same on every node that hears of it.
 *
 * @param id              names it for lifting; random, unique beyond this node
 * @param block           the banned address or block
 * @param reason          the operator's words, may be empty
 * @param createdAtMillis when it was made, ms since the Unix epoch
 * @param expiresAtMillis when it ends, ms since the Unix epoch
 */
public record Ban(String id, IpBlock block, String reason, long createdAtMillis, long expiresAtMillis) {
    /** Whether it still holds at {@code nowMillis}. */
    public boolean activeAt(long nowMillis) {
        return nowMillis < expiresAtMillis;
    }

    /** Whether it covers a client address as admission computes it (an IP literal; anything else never matches). */
    public boolean covers(String address) {
        return block.contains(IpBlock.literal(address));
    }

    /** As the admin API shows it, and as the ban travels on the event bus. */
    public JsonObject toJson(long nowMillis) {
        return new JsonObject().put("id", id).put("address", block.canonical()).put("reason", reason)
                .put("createdAt", Instant.ofEpochMilli(createdAtMillis).toString())
                .put("expiresAt", Instant.ofEpochMilli(expiresAtMillis).toString())
                .put("secondsLeft", Math.max(0, (expiresAtMillis - nowMillis + 999) / 1000));
    }

    /** The inverse of {@link #toJson}; throws {@link IllegalArgumentException} on a malformed ban. */
    public static Ban fromJson(JsonObject json) {
        try {
            return new Ban(json.getString("id"), IpBlock.parse(json.getString("address")), json.getString("reason", ""),
                    Instant.parse(json.getString("createdAt")).toEpochMilli(),
                    Instant.parse(json.getString("expiresAt")).toEpochMilli());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a ban: " + json.encode(), e);
        }
    }
}
