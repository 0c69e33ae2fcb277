package dev.arena.server.metrics;

/**
 * How a RESUME ended: the {@code result} label of {@code arena_resumes_total}
 * (docs/OPERATIONS.md). A closed set; a label never changes once released.
 */
public enum ResumeResult {
    /** The seat was held after its connection dropped, and is back. */
    RESUMED("resumed"),
    /** The seat's old connection was still open; the new one took the seat and the old one got 4009. */
    TAKEN_OVER("taken_over"),
    /** The token's seat had been held for the whole grace window and was freed (ERROR 4008). */
    EXPIRED("expired"),
    /** No seat on this node has the token: never issued here, given up by LEAVE, or long expired (ERROR 4008). */
    UNKNOWN("unknown");

    private final String label;

    ResumeResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
