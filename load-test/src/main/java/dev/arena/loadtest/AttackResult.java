package dev.arena.loadtest;

import io.vertx.core.json.JsonObject;

/**
 * One attack of the {@code hostile} command and what came of it.
 *
 * @param name     short name, e.g. {@code bad-strings}
 * @param tried    what was sent
 * @param expected what a defended server does (docs/SECURITY.md)
 * @param outcome  what the server did: close codes and reasons, HTTP statuses, times
 * @param defended whether the outcome is the expected one
 */
record AttackResult(String name, String tried, String expected, String outcome, boolean defended) {
    JsonObject toJson() {
        return new JsonObject().put("name", name).put("tried", tried).put("expected", expected)
                .put("outcome", outcome).put("defended", defended);
    }
}
