package dev.arena.loadtest.floor;

import com.esotericsoftware.kryo.io.Output;
import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.protocol.MessageTags;
import dev.arena.server.protocol.WireFormat;
import io.netty.buffer.ByteBuf;

/**
 * The room every floor client sees, and the SNAPSHOT and DELTA frames that
 * carry it (PROTOCOL.md): the client's own player (id 1), then as many other
 * players (up to arena-bench's other 19) and orbs as fill a DELTA of exactly
 * {@code updateBytes}. Every other entity moves at a constant velocity and
 * every other player's {@code lastSeq} grows by one a tick, so the changes
 * from one tick to the next are the same bytes for every client and tick:
 * that tail is written once, here. A client's DELTA is then a 12-byte head
 * of its own (the tick, its own player's move and {@code lastSeq}) and those
 * bytes: no state is diffed, nothing is encoded per client but the head.
 *
 * <p>DELTA, always {@code updateBytes} long:
 * <pre>
 * [0x42] [tick] (varint, 3 bytes) [baselineGap = 1] [removed = 0] [spawns = 0] [changedCount] (1 byte)
 * [own player, id 1] (4 bytes) [other entities, ids 2..] (the shared tail)
 * </pre>
 * Immutable; shared by every event loop.
 */
final class FloorWorld {
    /** The client's own player. */
    static final int OWN_ID = 1;
    /** Ticks start at the first 3-byte varint, so the tick keeps its width for 29 hours at 20 Hz. */
    static final int FIRST_TICK = 1 << 14;
    static final int LAST_TICK = (1 << 21) - 1;
    /** Bounds of {@code updateBytes}: the tail needs 4 bytes; at 400 the changed count still fits one byte. */
    static final int MIN_UPDATE_BYTES = 16;
    static final int MAX_UPDATE_BYTES = 400;

    private static final int HEAD_BYTES = 12;
    /** arena-bench has P = 20 players a room: the client's own and 19 others. */
    private static final int OTHER_PLAYERS = 19;
    /** The own player's step: 10 units a tick (200 units/s at 20 Hz) in quarter units, a one-byte zigzag. */
    private static final int OWN_STEP = 40;
    /** A step whose zigzag takes two bytes, where one byte must make up for a missing {@code lastSeq} diff. */
    private static final int WIDE_STEP = 100;
    private static final int OWN_START = 4000;
    private static final int X_Y = 0b0011;
    private static final int X_Y_SEQ = 0b0111;
    private static final int Y_SEQ = 0b0110;
    private static final int SEQ = 0b0100;

    final int updateBytes;
    /** Other entities: ids 2 .. others + 1, the first {@code players} of them players, the rest orbs. */
    private final int others;
    private final int players;
    private final int[] startX;
    private final int[] startY;
    private final int[] stepX;
    private final int[] stepY;
    private final byte[] tail;

    FloorWorld(int updateBytes) {
        if (updateBytes < MIN_UPDATE_BYTES || updateBytes > MAX_UPDATE_BYTES) {
            throw new IllegalArgumentException("updateBytes must be from " + MIN_UPDATE_BYTES + " to " + MAX_UPDATE_BYTES
                    + ", got " + updateBytes);
        }
        this.updateBytes = updateBytes;
        int tailBytes = updateBytes - HEAD_BYTES;
        // A player's change is 4 bytes (header, x, y, lastSeq), an orb's 3 (header, x, y); the 0 to 2 bytes
        // left over widen the first entity's steps to two-byte values.
        players = Math.min(OTHER_PLAYERS, tailBytes / 4);
        int orbs = (tailBytes - 4 * players) / 3;
        int wide = tailBytes - 4 * players - 3 * orbs;
        others = players + orbs;
        startX = new int[others];
        startY = new int[others];
        stepX = new int[others];
        stepY = new int[others];
        for (int i = 0; i < others; i++) {
            int sign = (i & 1) == 0 ? 1 : -1;
            boolean player = i < players;
            // Speeds of the arena game in quarter units a tick: players up to 40, orbs 12; never 0, since a
            // DELTA sets a mask bit only for a field that changed.
            stepX[i] = sign * (player ? 8 + i * 7 % 32 : 12);
            stepY[i] = -sign * (player ? 8 + i * 11 % 32 : 5 + i % 7);
            startX[i] = 400 + i * 613 % 7200;
            startY[i] = 400 + i * 877 % 7200;
        }
        if (wide > 0) {
            stepX[0] = WIDE_STEP;
        }
        if (wide > 1) {
            stepY[0] = -WIDE_STEP;
        }
        Output out = new Output(tailBytes, tailBytes);
        for (int i = 0; i < others; i++) {
            WireFormat.writeChangeHeader(out, 1, i < players ? X_Y_SEQ : X_Y);
            out.writeVarInt(stepX[i], false);
            out.writeVarInt(stepY[i], false);
            if (i < players) {
                out.writeVarInt(1, false);
            }
        }
        tail = out.toBytes();
        if (tail.length != tailBytes) {
            throw new IllegalStateException("tail is " + tail.length + " bytes, expected " + tailBytes);
        }
    }

    /** Entities in the room: the client's own player and the others. */
    int entityCount() {
        return 1 + others;
    }

    /**
     * Whether {@link #writeDelta} can carry this: a tick of three varint
     * bytes and an own {@code lastSeq} change of at most three. Otherwise the
     * client gets a SNAPSHOT.
     */
    static boolean deltaFits(int tick, int seqDiff) {
        return tick >= FIRST_TICK && tick <= LAST_TICK && varIntLength(zigzag(seqDiff)) <= 3;
    }

    /**
     * Writes the DELTA from {@code tick - 1} to {@code tick} of a client whose
     * own player's {@code lastSeq} grew by {@code seqDiff} (call only when
     * {@link #deltaFits}): exactly {@link #updateBytes} bytes.
     */
    void writeDelta(ByteBuf out, int tick, int seqDiff) {
        out.writeByte(MessageTags.SERVER_DELTA);
        writeVarInt(out, tick);
        out.writeByte(1); // baseline gap: every tick is written, or the client gets a SNAPSHOT next
        out.writeByte(0); // removed
        out.writeByte(0); // spawns
        out.writeByte(1 + others);
        // The own player's change is 4 bytes whatever lastSeq did: a longer lastSeq diff leaves out x, then y.
        int seq = zigzag(seqDiff);
        switch (seqDiff == 0 ? 0 : varIntLength(seq)) {
            case 0 -> {
                out.writeByte(OWN_ID << 4 | X_Y);
                writeVarInt(out, zigzag(WIDE_STEP));
                writeVarInt(out, zigzag(OWN_STEP));
            }
            case 1 -> {
                out.writeByte(OWN_ID << 4 | X_Y_SEQ);
                writeVarInt(out, zigzag(OWN_STEP));
                writeVarInt(out, zigzag(-OWN_STEP));
                writeVarInt(out, seq);
            }
            case 2 -> {
                out.writeByte(OWN_ID << 4 | Y_SEQ);
                writeVarInt(out, zigzag(OWN_STEP));
                writeVarInt(out, seq);
            }
            default -> {
                out.writeByte(OWN_ID << 4 | SEQ);
                writeVarInt(out, seq);
            }
        }
        out.writeBytes(tail);
    }

    /** Writes the SNAPSHOT of {@code tick}, holding the client's own player (named {@code name}, at {@code lastSeq}). */
    void writeSnapshot(Output out, int tick, String name, int lastSeq) {
        out.writeByte(MessageTags.SERVER_SNAPSHOT);
        out.writeVarInt(tick, true);
        out.writeVarInt(entityCount(), true);
        WireFormat.writeEntity(out, OWN_ID, ArenaGame.KIND_PLAYER, name, new int[]{OWN_START, OWN_START, lastSeq, 0}, 0, 4);
        for (int i = 0; i < others; i++) {
            int x = startX[i] + stepX[i] * tick;
            int y = startY[i] + stepY[i] * tick;
            if (i < players) {
                WireFormat.writeEntity(out, i + 2, ArenaGame.KIND_PLAYER, "bot" + (i + 2), new int[]{x, y, tick, 0}, 0, 4);
            } else {
                WireFormat.writeEntity(out, i + 2, ArenaGame.KIND_ORB, null, new int[]{x, y}, 0, 2);
            }
        }
    }

    /** PROTOCOL.md "varint": 7 bits a byte, low group first. */
    static void writeVarInt(ByteBuf out, int value) {
        while ((value & ~0x7F) != 0) {
            out.writeByte(value & 0x7F | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    /** PROTOCOL.md "varlong" of a value under 2^56 (where Kryo's 9-byte form never applies). */
    static void writeVarLong(ByteBuf out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.writeByte((int) (value & 0x7F | 0x80));
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    static int zigzag(int value) {
        return value << 1 ^ value >> 31;
    }

    static int varIntLength(int value) {
        return value >>> 7 == 0 ? 1 : value >>> 14 == 0 ? 2 : value >>> 21 == 0 ? 3 : value >>> 28 == 0 ? 4 : 5;
    }
}
