package dev.arena.server.room;

/**
 * Every event-bus address the server uses, in one place. Dotted, most
 * general part first. The registry's and the rooms' are node-local: their
 * messages carry live objects (a player's connection, a room's input queue)
 * through {@link LocalCodec}; inputs themselves do not travel on the bus
 * (see {@link InputQueue}). The cluster's control plane (seat reservations,
 * the directory's updates) is plain data with a serializing codec
 * ({@link JsonCodec}) on clustered addresses: {@link #nodeReserve} and
 * {@link #DIRECTORY_UPDATES}.
 *
 * <p>The operators' addresses carry JSON only, no live object. Those an admin
 * API must reach on other nodes ({@link #roomOperator}, {@link #NOTICE_ALL},
 * {@link #BANS}, {@link #BANS_LIST}) have clustered consumers; on a lone node
 * (a Vert.x that is not clustered) the same consumers are simply local.
 * {@link #REGISTRY_ADMIN_ROOMS} stays local: a request reaches one consumer,
 * so each node's registry answers for the whole cluster from its directory.
 */
public final class Addresses {
    /** Join requests ({@link JoinRequest}), answered with a {@link JoinResult}. */
    public static final String REGISTRY_JOIN = "arena.registry.join";
    /**
     * Room listing requests ({@code {"game": name or null, "filters": {key: value}}}), answered with
     * {@code {"rooms": [...]}}, or failed with 404 for an unknown game.
     */
    public static final String REGISTRY_LIST = "arena.registry.list";
    /** Game listing requests, answered with {@code {"default": name, "games": [...]}}. */
    public static final String REGISTRY_GAMES = "arena.registry.games";
    /** A room's player or spectator count, or its metadata, changed ({@link RoomStatus}). */
    public static final String REGISTRY_STATUS = "arena.registry.status";
    /** An empty room asks to be disposed (room id); answered true when it may go. */
    public static final String REGISTRY_DISPOSE = "arena.registry.dispose";
    /** A room stopped for good (room id), for example because its game failed. */
    public static final String REGISTRY_CLOSED = "arena.registry.closed";
    /**
     * Every room for operators, private ones included, this node's and (in a cluster) every other node's: requests
     * (no body) answered with {@code {"rooms": [...]}} ({@link AdminRoomList}). Node-local.
     */
    public static final String REGISTRY_ADMIN_ROOMS = "arena.registry.admin.rooms";
    /**
     * Clustered, published: a NOTICE for every player connection ({@code {"text"}}); each players' HTTP server of
     * every node sends it to its own.
     */
    public static final String NOTICE_ALL = "arena.operator.notice";
    /**
     * Clustered, published: the bans changed ({@code {"op": "add", "ban": {...}, "node"}} or
     * {@code {"op": "lift", "id", "node"}}); the players' HTTP servers of every node close the connections a new
     * ban covers, and every admin API but the one that made it (its {@code node}) applies it.
     */
    public static final String BANS = "arena.operator.bans";
    /**
     * Clustered: the bans in force ({@code {"bans": [...]}}), asked once by a node joining a cluster from any node
     * already in it, so a ban made before it joined holds there too.
     */
    public static final String BANS_LIST = "arena.operator.bans.list";
    /** Reserve a seat among this node's rooms ({@link SeatRequest}), answered with a {@link Reservation}. */
    public static final String REGISTRY_RESERVE = "arena.registry.reserve";
    /** Clustered, published: a room of some node changed or is gone (the cluster directory's updates). */
    public static final String DIRECTORY_UPDATES = "arena.directory.updates";

    private Addresses() {
    }

    /** Clustered: seat reservations ({@link SeatRequest}) for the rooms of one node, by its node id. */
    public static String nodeReserve(String nodeId) {
        return "arena.node." + nodeId + ".reserve";
    }

    /** Join requests forwarded by the registry to one room. */
    public static String roomJoin(String roomId) {
        return "arena.room." + roomId + ".join";
    }

    /** A player (entity id) or spectator (negative seat) leaves one room. */
    public static String roomLeave(String roomId) {
        return "arena.room." + roomId + ".leave";
    }

    /** A seated player's connection dropped ({@link SeatEvent}); its seat is held. */
    public static String roomDisconnect(String roomId) {
        return "arena.room." + roomId + ".disconnect";
    }

    /** A held seat comes back on a new connection ({@link ResumeRequest}), answered true or false. */
    public static String roomResume(String roomId) {
        return "arena.room." + roomId + ".resume";
    }

    /**
     * An operator's request to one room ({@link RoomOperator}): JSON {@code {"action": "inspect" | "close" |
     * "kick" | "notice", ...}}, answered with JSON, or failed with 404 for an unknown player.
     */
    public static String roomOperator(String roomId) {
        return "arena.room." + roomId + ".operator";
    }
}
