package dev.arena.server.admin;

/**
 * How an admin action ended, with the HTTP status it is answered with: the
 * {@code result} label of {@code arena_admin_actions_total} and the
 * {@code result=} of the audit line. A closed set, so the label stays bounded.
 */
enum AdminResult {
    /** Done: 200, or 201 for a new ban. */
    OK("ok"),
    /** Bad input: 400 with a message naming the field (or 413 for a body over the limit). */
    BAD_REQUEST("bad_request"),
    /** No such room, player or ban: 404. */
    NOT_FOUND("not_found"),
    /** Well-formed but not possible now: 409 (the ban list is full). */
    REFUSED("refused"),
    /** The room did not answer in time, or failed: 504 or 500. */
    ERROR("error");

    final String label;

    AdminResult(String label) {
        this.label = label;
    }

    /** The result an HTTP status stands for. */
    static AdminResult of(int status) {
        if (status < 300) {
            return OK;
        }
        return switch (status) {
            case 400, 413 -> BAD_REQUEST;
            case 404 -> NOT_FOUND;
            case 409 -> REFUSED;
            default -> ERROR;
        };
    }
}
