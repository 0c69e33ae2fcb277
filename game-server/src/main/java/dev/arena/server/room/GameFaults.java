package dev.arena.server.room;

/**
 * What a room does with a fault of its game code (docs/OPERATIONS.md, "When
 * game code fails"): anything thrown fails that room alone, except the
 * errors this class calls fatal; a call that does not return is reported
 * with the stack it is stuck in.
 */
final class GameFaults {
    private GameFaults() {
    }

    /**
     * Errors the JVM may not survive are not a room's to handle: an
     * {@link OutOfMemoryError}, an {@link InternalError} or another
     * {@link VirtualMachineError} means the whole process is unsound (every
     * room allocates from the same heap), so it propagates and the operator
     * restarts the node ({@code -XX:+ExitOnOutOfMemoryError} makes that
     * automatic). {@link StackOverflowError} is one too, but the stack has
     * unwound by the time it is caught: it is a bug of this game alone, like an
     * {@link AssertionError}, a {@link LinkageError} or any exception.
     */
    static boolean isFatal(Throwable e) {
        return e instanceof VirtualMachineError && !(e instanceof StackOverflowError);
    }

    /** Where a stuck room's thread is, for the log: its stack, captured from the watchdog's thread. */
    static Exception stuckAt(String roomId, long millis, Thread thread) {
        StuckGameCode where = new StuckGameCode("room " + roomId + "'s game code, running for " + millis + " ms"
                + (thread == null ? "" : " on " + thread.getName()));
        if (thread != null) {
            where.setStackTrace(thread.getStackTrace());
        }
        return where;
    }

    /** Not thrown: carries the stuck thread's stack into the log. */
    static final class StuckGameCode extends Exception {
        StuckGameCode(String message) {
            super(message, null, false, true);
        }
    }
}
