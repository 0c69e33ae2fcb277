package dev.arena.server.protocol;

/**
 * The fields of one INPUT, decoded without making an {@link Input}
 * ({@link FrameCodec#decodeInput}): a client sends twenty a second, and a
 * connection reads each into its one holder and copies the four values into
 * the room's queue, so the read path allocates nothing per input. Reused:
 * valid until the next decode into it; one per connection, on its thread.
 */
public final class InputFields {
    private int seq;
    private float dx;
    private float dy;
    private int buttons;

    void set(int seq, float dx, float dy, int buttons) {
        this.seq = seq;
        this.dx = dx;
        this.dy = dy;
        this.buttons = buttons;
    }

    public int seq() {
        return seq;
    }

    public float dx() {
        return dx;
    }

    public float dy() {
        return dy;
    }

    public int buttons() {
        return buttons;
    }
}
