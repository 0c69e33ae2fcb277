package dev.arena.server.room;

import org.slf4j.MDC;

/**
 * A room's id, and a player's, in the logging MDC while a line is logged, so
 * a JSON log line carries them as the fields {@code mdc.roomId} and
 * {@code mdc.playerId}. Rooms share event-loop threads, so the ids are set
 * around each line, never for a whole handler:
 * {@code try (LogIds ids = LogIds.of(roomId, playerId)) { log.info(...); }}.
 */
public interface LogIds extends AutoCloseable {
    String ROOM_ID = "roomId";
    String PLAYER_ID = "playerId";

    /** @param playerId the player the line is about, or 0 for a line about the room alone */
    static LogIds of(String roomId, int playerId) {
        MDC.put(ROOM_ID, roomId);
        if (playerId == 0) {
            return () -> MDC.remove(ROOM_ID);
        }
        MDC.put(PLAYER_ID, Integer.toString(playerId));
        return () -> {
            MDC.remove(ROOM_ID);
            MDC.remove(PLAYER_ID);
        };
    }

    @Override
    void close();
}
