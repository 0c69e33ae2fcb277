package dev.arena.server.admin;

/** A request the admin API refuses with 400: the message names the field and what it must be. */
final class BadInput extends RuntimeException {
    BadInput(String message) {
        super(message, null, false, false);
    }
}
