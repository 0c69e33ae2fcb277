package dev.arena.server.ops;

/**
 * The outcome of one {@link ReadinessCheck}.
 *
 * @param ok     whether the condition holds
 * @param detail what was found, for a human reading {@code /ready}
 */
public record CheckResult(boolean ok, String detail) {
    public static CheckResult passed(String detail) {
        return new CheckResult(true, detail);
    }

    public static CheckResult failed(String detail) {
        return new CheckResult(false, detail);
    }
}
