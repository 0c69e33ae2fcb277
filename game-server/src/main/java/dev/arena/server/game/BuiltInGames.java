package dev.arena.server.game;

import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.game.tag.TagGame;
import dev.arena.server.game.connect4.ConnectFourGame;

import java.util.List;

/** The games the server ships with, in the order {@code GET /api/games} lists them. */
public final class BuiltInGames {
    /** Every built-in game; {@code room.games} empty offers all of them. */
    public static final List<GameDefinition> ALL = List.of(ArenaGame.DEFINITION, TagGame.DEFINITION,
            ConnectFourGame.DEFINITION);

    private BuiltInGames() {
    }
}
