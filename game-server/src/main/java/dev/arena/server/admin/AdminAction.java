package dev.arena.server.admin;

/**
 * What an operator did through the admin API: the {@code action} label of
 * {@code arena_admin_actions_total} and the {@code action=} of the audit
 * line. Reads (the room list, a room's players, the ban list) change nothing
 * and are neither counted nor logged: the admin page polls them.
 */
enum AdminAction {
    CLOSE("close"),
    KICK("kick"),
    BAN("ban"),
    UNBAN("unban"),
    NOTICE("notice");

    final String label;

    AdminAction(String label) {
        this.label = label;
    }
}
