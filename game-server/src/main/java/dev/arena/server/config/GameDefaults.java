package dev.arena.server.config;

import dev.arena.server.game.GameDefinition;
import dev.arena.server.game.Setting;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Puts every game's declared settings into the defaults, each game under its
 * own section, so that the loader knows their keys (an unknown or mistyped
 * key is refused by name, game keys like the server's) and an override of
 * any of them is layered like any other key. A section the embedded
 * {@code server.yaml} already holds (the built-in games list theirs there,
 * for operators to read) keeps its values, but may only hold keys the game
 * declares: otherwise the game's name is taken by a section of the server's.
 */
final class GameDefaults {
    private GameDefaults() {
    }

    static void addTo(JsonObject defaults, List<GameDefinition> games) {
        for (GameDefinition game : games) {
            if (game.settings().isEmpty()) {
                continue;
            }
            Object existing = defaults.getValue(game.name());
            JsonObject section;
            if (existing == null) {
                section = new JsonObject();
                defaults.put(game.name(), section);
            } else if (existing instanceof JsonObject s) {
                section = s;
                for (String key : section.fieldNames()) {
                    if (game.settings().stream().noneMatch(d -> d.key().equals(key))) {
                        throw new ConfigException(game.name(), "the game " + game.name() + " declares no setting "
                                + key + ", which the defaults list under " + game.name() + "." + key
                                + " (is the game's name a section of the server's?)");
                    }
                }
            } else {
                throw new ConfigException(game.name(), "the game name " + game.name()
                        + " is a key of the server's configuration: rename the game");
            }
            for (Setting s : game.settings()) {
                if (!section.containsKey(s.key())) {
                    section.put(s.key(), s.defaultValue());
                }
            }
        }
    }
}
