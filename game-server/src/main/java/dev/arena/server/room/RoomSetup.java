package dev.arena.server.room;

/**
 * What one room is made of, fixed when it opens.
 *
 * @param id            the room's id, unique on this server
 * @param game          the game it runs, with that game's room shape
 * @param tooSlowNanos  how long a client may stay congested before it is closed ({@code session.tooSlowMillis})
 * @param maxFrameBytes largest frame a game MESSAGE may take ({@code http.maxFrameBytes}), either way
 * @param privateCode   the code that joins it when it is private, else null
 */
public record RoomSetup(String id, OfferedGame game, long tooSlowNanos, int maxFrameBytes, String privateCode) {
    public boolean isPrivate() {
        return privateCode != null;
    }
}
