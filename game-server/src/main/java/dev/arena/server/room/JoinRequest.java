package dev.arena.server.room;

/**
 * A connection asks for a seat.
 *
 * @param game          the game wanted, or null for the server's default game
 * @param roomId        the room wanted, or null for quick-join (or for the private room of {@code privateCode})
 * @param name          the player's validated display name
 * @param spectate      watch instead of play: no entity, no seat
 * @param createPrivate open a new private room of the game and take its first seat
 * @param privateCode   the code of the private room wanted, normalized, or null
 * @param reservation   the token of a seat another node reserved here for this player (after a REDIRECT), or null
 * @param channel       the player's connection, for the room to write to
 * @param resumeToken   the seat's resume token for WELCOME; null when resume is off and for a spectator
 */
public record JoinRequest(String game, String roomId, String name, boolean spectate, boolean createPrivate,
                          String privateCode, String reservation, ClientChannel channel, String resumeToken) {
    /** A player's quick-join (null room) or join by id, in the default game, without a reservation or resume token. */
    public JoinRequest(String roomId, String name, ClientChannel channel) {
        this(null, roomId, name, false, false, null, null, channel, null);
    }

    /** The reservation and the resume token are secrets: they never reach a log through this record. */
    @Override
    public String toString() {
        return "JoinRequest[game=" + game + ", roomId=" + roomId + ", name=" + name + ", spectate=" + spectate
                + ", createPrivate=" + createPrivate + ", privateCode=" + privateCode
                + ", reservation=" + (reservation != null) + "]";
    }
}
