package dev.arena.server.config;

import dev.arena.server.game.GameDefinition;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The whole server configuration, typed and validated. Defaults live in one
 * place, {@code config/server.yaml} (embedded in the jar), plus the settings
 * each game declares; see {@link ConfigLoader} for how overrides are layered
 * on them.
 *
 * @param games   every game this server can run (offered or not), by name, in registration order
 * @param cluster whether and how this node joins other nodes ({@code cluster.*}, {@code http.publicUrl})
 */
public record ServerConfig(HttpConfig http, ManagementConfig management, RoomConfig room,
                           SessionConfig session, Map<String, GameConfig> games, LogConfig log,
                           ClusterConfig cluster) {

    /**
     * Builds and validates the configuration from merged JSON.
     *
     * @param games the games this server can run: their sections are read, and
     *              {@code room.games} and {@code room.game} must name some of them
     * @throws ConfigException naming the first invalid key
     */
    public static ServerConfig fromJson(JsonObject json, List<GameDefinition> games) {
        ConfigReader r = new ConfigReader(json);
        HttpConfig http = new HttpConfig(r.string("http.host"), r.integer("http.port", 0, 65535),
                r.integer("http.instances", 1, 64), r.integer("http.maxFrameBytes", 64, 65536),
                r.string("http.webroot"), admission(r), TlsConfig.read(r));
        ManagementConfig management = new ManagementConfig(r.string("management.host"),
                r.integer("management.port", 0, 65535), r.integer("management.readyLoopTimeoutMillis", 10, 60_000),
                r.integer("management.readyTickLagMillis", 10, 600_000),
                r.integer("management.shutdownDrainMillis", 0, 600_000), r.secret("management.token", 16, 1024),
                r.integer("management.maxBans", 1, 100_000));
        int tickHz = r.integer("room.tickHz", 1, 120);
        int sendHz = r.integer("room.sendHz", 1, 120);
        if (sendHz > tickHz) {
            throw new ConfigException("room.sendHz", "room.sendHz must be at most room.tickHz (" + tickHz + "), got " + sendHz);
        }
        List<String> offered = offered(r, games);
        String defaultGame = r.string("room.game");
        if (!offered.contains(defaultGame)) {
            throw ConfigReader.invalid("room.game", "one of the offered games " + offered + " (room.games)", defaultGame);
        }
        int maxTickMillis = r.integer("room.maxTickMillis", 1, 600_000);
        int failTickMillis = r.integer("room.failTickMillis", 100, 3_600_000);
        if (failTickMillis <= maxTickMillis) {
            throw new ConfigException("room.failTickMillis", "room.failTickMillis must be more than room.maxTickMillis ("
                    + maxTickMillis + "), got " + failTickMillis);
        }
        RoomConfig room = new RoomConfig(defaultGame, tickHz, sendHz,
                r.integer("room.capacity", 1, 1000), r.integer("room.maxRooms", 1, 100_000),
                r.integer("room.maxCatchUpTicks", 1, 100), r.integer("room.inputQueueSize", 1, 1_000_000),
                r.integer("room.emptyGraceMillis", 0, 86_400_000), r.integer("room.snapshotHistory", 2, 1024),
                offered, r.integer("room.maxSpectators", 0, 1000), r.integer("room.reconnectGraceMillis", 0, 3_600_000),
                maxTickMillis, failTickMillis);
        int pingIntervalMillis = r.integer("session.pingIntervalMillis", 100, 600_000);
        SessionConfig session = new SessionConfig(r.integer("session.maxMessagesPerSecond", 1, 100_000),
                r.integer("session.writeQueueMaxBytes", 1024, 64 << 20), r.integer("session.tooSlowMillis", 100, 600_000),
                r.integer("session.joinTimeoutMillis", 100, 86_400_000), pingIntervalMillis,
                r.integer("session.maxNameLength", 1, 64), pongTimeout(r, pingIntervalMillis), sendBuffer(r));
        Map<String, GameConfig> gameConfigs = new LinkedHashMap<>();
        for (GameDefinition game : games) {
            gameConfigs.put(game.name(), GameSettingsReader.read(r, game, room));
        }
        LogConfig log = new LogConfig(r.oneOf("log.format", LogConfig.FORMATS));
        ClusterConfig cluster = ClusterConfigReader.read(r);
        return new ServerConfig(http, management, room, session, Collections.unmodifiableMap(gameConfigs), log,
                cluster);
    }

    /** The configuration of one game the server can run. */
    public GameConfig game(String name) {
        GameConfig g = games.get(name);
        if (g == null) {
            throw new IllegalArgumentException("no game " + name + " (known: " + games.keySet() + ")");
        }
        return g;
    }

    /** {@code room.games}: the named games, or every game when empty. */
    private static List<String> offered(ConfigReader r, List<GameDefinition> games) {
        List<String> known = games.stream().map(GameDefinition::name).toList();
        List<String> named = r.words("room.games");
        if (named.isEmpty()) {
            return known;
        }
        List<String> out = new ArrayList<>();
        for (String name : named) {
            if (!known.contains(name)) {
                throw new ConfigException("room.games", "room.games names the unknown game \"" + name
                        + "\" (this server has " + known.stream().collect(Collectors.joining(", ")) + ")");
            }
            if (out.contains(name)) {
                throw new ConfigException("room.games", "room.games names " + name + " twice");
            }
            out.add(name);
        }
        return out;
    }

    private static AdmissionConfig admission(ConfigReader r) {
        List<IpBlock> proxies = new ArrayList<>();
        for (String entry : r.list("http.trustedProxies")) {
            try {
                proxies.add(IpBlock.parse(entry));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("http.trustedProxies", "http.trustedProxies must list IP addresses or CIDR "
                        + "blocks (10.0.0.0/8), comma-separated in a property: " + e.getMessage());
            }
        }
        List<WebOrigin> origins = new ArrayList<>();
        boolean any = false;
        for (String entry : r.list("http.allowedOrigins")) {
            if (entry.equals("*")) {
                any = true;
                continue;
            }
            try {
                origins.add(WebOrigin.parse(entry));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("http.allowedOrigins", "http.allowedOrigins must list origins "
                        + "(https://game.example.com) or \"*\", comma-separated in a property: " + e.getMessage());
            }
        }
        return new AdmissionConfig(r.integer("http.handshakeTimeoutMillis", 100, 600_000),
                r.integer("http.maxConnectionsPerIp", 1, 1_000_000), r.integer("http.maxConnections", 1, 10_000_000),
                List.copyOf(proxies), List.copyOf(origins), any, r.bool("http.requireOrigin"));
    }

    /** {@code session.sendBufferBytes}: 0 (the OS decides), or a buffer the kernel can honour. */
    private static int sendBuffer(ConfigReader r) {
        int value = r.integer("session.sendBufferBytes", 0, 64 << 20);
        if (value != 0 && value < 4096) {
            throw new ConfigException("session.sendBufferBytes", "session.sendBufferBytes must be 0 (the OS's autotuning)"
                    + " or between 4096 and " + (64 << 20) + ", got " + value);
        }
        return value;
    }

    /**
     * {@code session.pongTimeoutMillis}, 0 meaning three ping intervals. At least two: the server checks at
     * each PING, so a client that answers every PING within one interval is never timed out.
     */
    private static int pongTimeout(ConfigReader r, int pingIntervalMillis) {
        int value = r.integer("session.pongTimeoutMillis", 0, 3_600_000);
        if (value == 0) {
            return 3 * pingIntervalMillis;
        }
        if (value < 2 * pingIntervalMillis) {
            throw new ConfigException("session.pongTimeoutMillis", "session.pongTimeoutMillis must be 0 (3 x "
                    + "session.pingIntervalMillis) or at least 2 x session.pingIntervalMillis (" + 2 * pingIntervalMillis
                    + "), got " + value);
        }
        return value;
    }
}
