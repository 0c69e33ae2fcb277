package dev.arena.loadtest;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import dev.arena.server.protocol.CloseReason;
import dev.arena.server.protocol.MessageTags;
import dev.arena.server.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;

/**
 * What a bot keeps of the room when all it needs is its own player, read
 * from SNAPSHOT and DELTA frames in place (PROTOCOL.md): the tick it holds,
 * the ids it holds and its own player's fields, which is where the game
 * echoes the last input applied. No message objects, no entity records, no
 * allocation once warm: at 20 updates a second for a thousand bots, that is
 * the difference between the load generator and the server fighting over
 * the cores, and the load generator getting out of the way.
 *
 * <p>The checks stay meaningful: a DELTA must be from the tick held; it may
 * remove and change only ids held and spawn only ids not held; ids come in
 * ascending order; the frame must end where its last entry does; and the
 * own player must be there after every update. A bot that needs the whole
 * state (a behaviour that looks at other entities, or {@code --full-state})
 * uses {@link dev.arena.server.state.ReplicatedWorld} instead. Not
 * thread-safe: one per bot, on its event loop.
 */
final class LightReplica {
    /** DELTA change-entry header (PROTOCOL.md, "DELTA"): low 3 bits of the mask, bit 3 "mask continues", id gap above. */
    private static final int HEADER_MASK_BITS = 3;
    private static final int HEADER_EXTENDED = 1 << HEADER_MASK_BITS;
    private static final int HEADER_ID_SHIFT = 4;

    private final Input in = new Input();
    private byte[] bytes = new byte[1024];
    private int[] ids = new int[64];
    private int[] next = new int[64];
    private int[] removed = new int[16];
    private int size;
    private int tick = -1;
    private int own;
    private int[] ownFields = new int[8];
    private int ownFieldCount = -1;
    private int spawned;
    private int removedCount;

    /** The bot's own player, once its WELCOME names it; its fields are read from every update from then on. */
    void own(int playerId) {
        own = playerId;
    }

    /** The tick of the state held, -1 before the first. */
    int tick() {
        return tick;
    }

    /** Entities held. */
    int size() {
        return size;
    }

    /** Entities that appeared in the last update (all of them for a SNAPSHOT). */
    int spawned() {
        return spawned;
    }

    /** Entities that left in the last update. */
    int removed() {
        return removedCount;
    }

    /** Field {@code field} of the own player, or {@code otherwise} when the state holds no such field of it. */
    int ownField(int field, int otherwise) {
        return field >= 0 && field < ownFieldCount ? ownFields[field] : otherwise;
    }

    /** Whether the own player is in the state held. */
    boolean holdsOwn() {
        return ownFieldCount >= 0;
    }

    /**
     * Applies a SNAPSHOT or DELTA frame (tag and body).
     *
     * @throws IllegalStateException when it does not fit the state held (a DELTA from another tick, an id removed
     *                               or changed that is not held, or spawned that is): a server bug
     * @throws ProtocolException     when it is not a SNAPSHOT or DELTA, or is malformed
     */
    void apply(ByteBuf frame) {
        int length = frame.readableBytes();
        if (bytes.length < length) {
            bytes = new byte[Math.max(length, bytes.length * 2)];
        }
        frame.getBytes(frame.readerIndex(), bytes, 0, length);
        in.setBuffer(bytes, 0, length);
        try {
            int tag = in.readByte() & 0xFF;
            if (tag == MessageTags.SERVER_SNAPSHOT) {
                readSnapshot();
            } else if (tag == MessageTags.SERVER_DELTA) {
                readDelta();
            } else {
                throw new ProtocolException(CloseReason.UNKNOWN_TAG, "not a state update: tag " + tag);
            }
        } catch (KryoException e) {
            throw new ProtocolException(CloseReason.TRUNCATED, "update cut short: " + e.getMessage());
        }
        if (in.position() != length) {
            throw new ProtocolException(CloseReason.TRAILING_BYTES,
                    (length - in.position()) + " bytes after the update's end");
        }
    }

    private void readSnapshot() {
        int newTick = in.readVarInt(true);
        int count = count("entities");
        ensure(count);
        ownFieldCount = -1;
        int previous = Integer.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            int id = readEntity();
            ascending(previous, id, "SNAPSHOT");
            previous = id;
            ids[i] = id;
        }
        size = count;
        spawned = count;
        removedCount = 0;
        tick = newTick;
    }

    private void readDelta() {
        int newTick = in.readVarInt(true);
        int baseline = newTick - in.readVarInt(true);
        if (baseline != tick) {
            throw new IllegalStateException("DELTA from tick " + baseline + " but the bot holds " + tick);
        }
        // Removed: each must be held; the rest are kept, in order, in next.
        int nRemoved = count("removed");
        if (removed.length < nRemoved) {
            removed = new int[nRemoved];
        }
        int id = 0;
        for (int i = 0; i < nRemoved; i++) {
            int gap = in.readVarInt(true);
            if (i > 0 && gap <= 0) {
                throw new IllegalStateException("DELTA removes ids out of order");
            }
            id += gap;
            removed[i] = id;
            if (id == own) {
                throw new IllegalStateException("DELTA removes the bot's own player " + own);
            }
        }
        int kept = keepAllBut(nRemoved);
        // Spawned: none may be held; merged in by id. ids is rebuilt from next, so a bigger one starts empty.
        int nSpawned = count("spawns");
        if (ids.length < kept + nSpawned) {
            ids = new int[Math.max(kept + nSpawned, ids.length * 2)];
        }
        int[] held = next;
        int out = 0;
        int k = 0;
        int previous = Integer.MIN_VALUE;
        for (int i = 0; i < nSpawned; i++) {
            int spawn = readEntity();
            ascending(previous, spawn, "DELTA spawns");
            previous = spawn;
            while (k < kept && held[k] < spawn) {
                ids[out++] = held[k++];
            }
            if (k < kept && held[k] == spawn) {
                throw new IllegalStateException("DELTA spawns entity " + spawn + ", which the bot holds");
            }
            ids[out++] = spawn;
        }
        while (k < kept) {
            ids[out++] = held[k++];
        }
        size = out;
        // Changed: each must be held now.
        int nChanged = count("changed");
        id = 0;
        int at = 0;
        for (int i = 0; i < nChanged; i++) {
            int header = in.readVarInt(true);
            int mask = header & (HEADER_EXTENDED - 1);
            if ((header & HEADER_EXTENDED) != 0) {
                mask |= in.readVarInt(true) << HEADER_MASK_BITS;
            }
            int gap = header >>> HEADER_ID_SHIFT;
            if (i > 0 && gap == 0) {
                throw new IllegalStateException("DELTA changes ids out of order");
            }
            id += gap;
            while (at < size && ids[at] < id) {
                at++;
            }
            if (at == size || ids[at] != id) {
                throw new IllegalStateException("DELTA changes entity " + id + ", which the bot does not hold");
            }
            boolean mine = id == own;
            for (int rest = mask; rest != 0; rest &= rest - 1) {
                int diff = in.readVarInt(false);
                if (mine) {
                    int field = Integer.numberOfTrailingZeros(rest);
                    if (field >= ownFieldCount) {
                        throw new IllegalStateException("DELTA changes field " + field + " of the bot's own player, which has "
                                + ownFieldCount);
                    }
                    ownFields[field] += diff;
                }
            }
        }
        spawned = nSpawned;
        removedCount = nRemoved;
        tick = newTick;
    }

    /** Copies the held ids but the first {@code n} of {@link #removed} into {@link #next}; each of those must be held. */
    private int keepAllBut(int n) {
        if (next.length < size) {
            next = new int[ids.length];
        }
        int kept = 0;
        int r = 0;
        for (int i = 0; i < size; i++) {
            if (r < n && ids[i] == removed[r]) {
                r++;
            } else if (r < n && ids[i] > removed[r]) {
                throw new IllegalStateException("DELTA removes entity " + removed[r] + ", which the bot does not hold");
            } else {
                next[kept++] = ids[i];
            }
        }
        if (r < n) {
            throw new IllegalStateException("DELTA removes entity " + removed[r] + ", which the bot does not hold");
        }
        return kept;
    }

    /** Reads an entity record (PROTOCOL.md, "Entities"), keeping the fields when it is the own player's; its id. */
    private int readEntity() {
        int id = in.readVarInt(true);
        in.readVarInt(true); // kind
        in.readString(); // label: null (one byte) for all but players
        int fields = count("entity fields");
        boolean mine = id == own;
        if (mine) {
            if (ownFields.length < fields) {
                ownFields = new int[fields];
            }
            ownFieldCount = fields;
        }
        for (int f = 0; f < fields; f++) {
            int value = in.readVarInt(false);
            if (mine) {
                ownFields[f] = value;
            }
        }
        return id;
    }

    private static void ascending(int previous, int id, String where) {
        if (id <= previous) {
            throw new IllegalStateException(where + " ids out of order: " + id + " after " + previous);
        }
    }

    /** A count, refused when larger than the bytes left could hold (each item takes a byte at least). */
    private int count(String what) {
        int n = in.readVarInt(true);
        if (n < 0 || n > in.limit() - in.position()) {
            throw new ProtocolException(CloseReason.BAD_LENGTH, what + " count " + n
                    + " exceeds the bytes left");
        }
        return n;
    }

    /** Room for {@code n} ids in a state that is about to be replaced. */
    private void ensure(int n) {
        if (ids.length < n) {
            ids = new int[Math.max(n, ids.length * 2)];
        }
    }
}
