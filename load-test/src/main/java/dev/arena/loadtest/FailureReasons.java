package dev.arena.loadtest;

import dev.arena.server.protocol.CloseReason;

/** Why a bot failed, in the words a run reports: reason labels and messages a tester can act on. */
final class FailureReasons {
    private FailureReasons() {
    }

    /** The reason a refused JOIN is reported under: the server's metric label for its ERROR code. */
    static String refusedJoin(int code) {
        for (CloseReason reason : CloseReason.values()) {
            // Any code announced by ERROR: a JOIN may also be answered with one that closes (version_mismatch).
            if (reason.code() == code && reason.sendsError()) {
                return reason.label();
            }
        }
        return "error_" + code;
    }

    /**
     * A failure with the causes under it: "Failed to create SSL connection" alone
     * hides whether the certificate was untrusted or named another host.
     */
    static String causes(Throwable failure) {
        StringBuilder b = new StringBuilder(String.valueOf(failure.getMessage()));
        Throwable c = failure.getCause();
        for (int depth = 0; c != null && depth < 8; c = c.getCause(), depth++) {
            if (c.getMessage() != null && b.indexOf(c.getMessage()) < 0) {
                b.append(": ").append(c.getMessage());
            }
        }
        return b.toString();
    }
}
