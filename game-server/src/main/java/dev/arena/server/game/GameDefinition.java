package dev.arena.server.game;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything the server needs to offer a game: its name (in JOIN, in
 * {@code room.games}, and as its configuration section), a line for the
 * lobby, its settings with their defaults and ranges, the names of its
 * MESSAGE types, and how to create the game of a new room.
 *
 * <pre>{@code
 * public static final GameDefinition DEFINITION = GameDefinition.builder("tag")
 *         .description("Two teams; tag a runner to win the round")
 *         .capacity(10).tickHz(20)
 *         .setting(Setting.integer("roundSeconds", 120, 10, 3600, "length of a round"))
 *         .messageType(1, "tagged")
 *         .create(TagGame::new);
 * }</pre>
 */
public final class GameDefinition {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,23}");

    private final String name;
    private final String description;
    private final List<Setting> settings;
    private final MessageTypes messageTypes;
    private final Function<GameContext, ? extends Game> factory;

    private GameDefinition(Builder b, Function<GameContext, ? extends Game> factory) {
        this.name = b.name;
        this.description = b.description;
        this.settings = Collections.unmodifiableList(new ArrayList<>(b.settings.values()));
        this.messageTypes = new MessageTypes(b.messageTypes);
        this.factory = factory;
    }

    /** Starts a definition; {@code name} is lower-case letters and digits, starting with a letter. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * A game written against the first API, a factory of a world and a
     * random source: no settings, no message names, the server's room shape.
     */
    public static GameDefinition of(String name, GameFactory factory) {
        Objects.requireNonNull(factory, "factory");
        return builder(name).create(context -> factory.create(context.world(), context.random()));
    }

    public String name() {
        return name;
    }

    /** One line for the lobby and {@code GET /api/games}. */
    public String description() {
        return description;
    }

    /** Declared settings, in declaration order. */
    public List<Setting> settings() {
        return settings;
    }

    public MessageTypes messageTypes() {
        return messageTypes;
    }

    /** Creates the game of a new room; called on the room's thread. */
    public Game create(GameContext context) {
        return Objects.requireNonNull(factory.apply(context), name + "'s factory returned null");
    }

    @Override
    public String toString() {
        return "GameDefinition[" + name + "]";
    }

    /** Collects a definition; {@link #create} ends it. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private final Map<String, Setting> settings = new LinkedHashMap<>();
        private final Map<Integer, String> messageTypes = new LinkedHashMap<>();

        private Builder(String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a game name is a lower-case letter then up to 23 lower-case letters"
                        + " or digits (it names the game's configuration section), got " + name);
            }
            this.name = name;
        }

        public Builder description(String description) {
            this.description = Objects.requireNonNull(description);
            return this;
        }

        /**
         * Players per room of this game, unless the operator sets
         * {@code <game>.capacity}; without it the game's rooms take
         * {@code room.capacity}.
         */
        public Builder capacity(int players) {
            return setting(Setting.integer(Setting.CAPACITY, players, 1, 1000, "players per room of this game"));
        }

        /**
         * Simulation steps per second of this game's rooms, unless the
         * operator sets {@code <game>.tickHz}. State updates go at the same
         * rate unless {@link #sendHz} says otherwise. A turn-based game may
         * run slowly: its messages reach it at the next step.
         */
        public Builder tickHz(int hz) {
            return setting(Setting.integer(Setting.TICK_HZ, hz, 1, 120, "simulation steps per second of this game"));
        }

        /** State updates per second of this game's rooms, at most its tick rate. */
        public Builder sendHz(int hz) {
            return setting(Setting.integer(Setting.SEND_HZ, hz, 1, 120, "state updates per second of this game"));
        }

        /** Declares settings under the game's section (see {@link Setting}). */
        public Builder setting(Setting... declared) {
            for (Setting s : declared) {
                if (settings.putIfAbsent(s.key(), s) != null) {
                    throw new IllegalArgumentException(name + " declares the setting " + s.key() + " twice");
                }
            }
            return this;
        }

        /** Names a MESSAGE type, for its metric label and for humans reading the game's docs. */
        public Builder messageType(int type, String typeName) {
            if (messageTypes.putIfAbsent(type, typeName) != null) {
                throw new IllegalArgumentException(name + " declares message type " + type + " twice");
            }
            return this;
        }

        /** Ends the definition with the factory of a room's game, such as {@code MyGame::new}. */
        public GameDefinition create(Function<GameContext, ? extends Game> factory) {
            return new GameDefinition(this, Objects.requireNonNull(factory, "factory"));
        }
    }
}
