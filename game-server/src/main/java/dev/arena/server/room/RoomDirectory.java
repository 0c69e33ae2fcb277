package dev.arena.server.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rooms of this node as the registry sees them, and the choices made
 * from them: which room quick-join fills, which a spectator watches, what the
 * room list shows. A room's seat count is the players it reports plus the
 * joins on their way to it. Private rooms are found only by their code and
 * never listed. The registry's event loop only.
 */
final class RoomDirectory {
    private final Map<String, Entry> rooms = new LinkedHashMap<>();
    private final Map<String, Entry> byCode = new HashMap<>();
    private final PrivateCodes codes = new PrivateCodes();
    /** Makes ids unique beyond this node ({@link Directory#roomIdPrefix()}). */
    private final String idPrefix;
    private int nextRoom = 1;

    RoomDirectory(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    int size() {
        return rooms.size();
    }

    Entry get(String id) {
        return rooms.get(id);
    }

    /** The private room of a normalized code, or null. */
    Entry byCode(String code) {
        return code == null ? null : byCode.get(code);
    }

    Collection<Entry> all() {
        return Collections.unmodifiableCollection(rooms.values());
    }

    /** Adds a new room of {@code game}, with a fresh code when it is private; the caller deploys it. */
    Entry open(OfferedGame game, boolean isPrivate) {
        String id = idPrefix + "r" + nextRoom++;
        String code = isPrivate ? codes.next(byCode::containsKey) : null;
        Entry entry = new Entry(id, game, code);
        rooms.put(id, entry);
        if (code != null) {
            byCode.put(code, entry);
        }
        return entry;
    }

    void remove(String id) {
        Entry e = rooms.remove(id);
        if (e != null && e.code != null) {
            byCode.remove(e.code);
        }
    }

    /** Quick-join: the fullest public room of the game with a free seat, so rooms fill before new ones open; or null. */
    Entry fullestWithSpace(String game) {
        Entry best = null;
        for (Entry e : rooms.values()) {
            if (e.isPublicOf(game) && e.seated() < e.capacity() && (best == null || e.seated() > best.seated())) {
                best = e;
            }
        }
        return best;
    }

    /** Quick-watch: the public room of the game with the most players (full ones too); or null. */
    Entry mostPlayers(String game) {
        Entry best = null;
        for (Entry e : rooms.values()) {
            if (e.isPublicOf(game) && (best == null || e.players > best.players)) {
                best = e;
            }
        }
        return best;
    }

    /** What the directory knows of a room: its counts, seats and metadata. */
    static RoomListing listing(Entry e) {
        return new RoomListing(e.id, e.game.name(), e.players, e.spectators, e.capacity(),
                e.game.rooms().maxSpectators(), e.seated(), e.metadata, e.code, null, null, e.game.rooms().tickHz(),
                e.game.rooms().sendHz(), e.openedAtMillis);
    }

    /**
     * The public rooms of {@code game} (null: of every game) among {@code rooms} whose metadata
     * holds every entry of {@code filters}, fullest first:
     * {@code {"rooms": [{"id", "game", "players", "capacity", "spectators", "maxSpectators", "metadata"}]}},
     * and {@code "node"} and {@code "url"} in a cluster.
     */
    static JsonObject list(List<RoomListing> rooms, String game, Map<String, String> filters) {
        JsonArray array = new JsonArray();
        rooms.stream()
                .filter(e -> !e.isPrivate() && (game == null || e.game().equals(game)))
                .filter(e -> filters.entrySet().stream().allMatch(f -> f.getValue().equals(e.metadata().get(f.getKey()))))
                .sorted((a, b) -> Integer.compare(b.players(), a.players()))
                .forEach(e -> array.add(e.toListJson()));
        return new JsonObject().put("rooms", array);
    }

    /** {@code {"default": name, "games": [...]}}: what each offered game is and how busy it is among {@code rooms}. */
    static JsonObject games(Collection<OfferedGame> offered, String defaultGame, List<RoomListing> rooms) {
        JsonArray array = new JsonArray();
        for (OfferedGame g : offered) {
            int roomCount = 0;
            int players = 0;
            for (RoomListing e : rooms) {
                if (e.game().equals(g.name())) {
                    roomCount++;
                    players += e.players();
                }
            }
            array.add(new JsonObject().put("name", g.name()).put("description", g.definition().description())
                    .put("capacity", g.rooms().capacity()).put("tickHz", g.rooms().tickHz())
                    .put("sendHz", g.rooms().sendHz()).put("maxSpectators", g.rooms().maxSpectators())
                    .put("rooms", roomCount).put("players", players));
        }
        return new JsonObject().put("default", defaultGame).put("games", array);
    }

    /** One room: its game, code, what it last reported, and the joins on their way to it. */
    static final class Entry {
        final String id;
        final OfferedGame game;
        /** The private room's code, or null for a public room. */
        final String code;
        int players;
        int spectators;
        Map<String, String> metadata = Map.of();
        /** Player joins forwarded to the room and not answered yet. */
        int pending;
        /** When the registry opened it, ms since the Unix epoch: its age for operators. */
        final long openedAtMillis = System.currentTimeMillis();
        /** Seats held for players redirected here from another node ({@link Reservations}). */
        int reserved;
        Future<Void> deployed;
        /** The room itself, for the registry's watchdog. */
        RoomVerticle verticle;

        Entry(String id, OfferedGame game, String code) {
            this.id = id;
            this.game = game;
            this.code = code;
        }

        int seated() {
            return players + pending + reserved;
        }

        int capacity() {
            return game.rooms().capacity();
        }

        boolean isPublicOf(String gameName) {
            return code == null && game.name().equals(gameName);
        }

        void report(RoomStatus status) {
            players = status.players();
            spectators = status.spectators();
            metadata = status.metadata();
        }
    }
}
