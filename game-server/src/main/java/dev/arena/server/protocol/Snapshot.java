package dev.arena.server.protocol;

import java.util.List;

/**
 * SNAPSHOT: the room's whole state at {@code tick}; replaces the client's state.
 *
 * @param tick     simulation tick
 * @param entities every entity, ascending id order
 */
public record Snapshot(int tick, List<EntityRecord> entities) implements ServerMessage {
}
