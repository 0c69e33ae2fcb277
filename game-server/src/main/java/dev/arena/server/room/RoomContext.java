package dev.arena.server.room;

import dev.arena.server.game.GameContext;
import dev.arena.server.game.RoomMetadataRules;
import dev.arena.server.game.SettingValues;
import dev.arena.server.game.World;
import dev.arena.server.metrics.GameMeters;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.GameMessage;
import dev.arena.server.state.WireFrame;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The {@link GameContext} of one room: a game's messages are encoded here,
 * once, and handed to the room's seats ({@link Mailboxes}) to be written after
 * the next state update; its metadata is kept here until the room reports it
 * to the registry. The room's thread only.
 */
final class RoomContext implements GameContext {
    /** Where encoded MESSAGE frames go: the room's seats. */
    interface Mailboxes {
        /** Queues a frame for one player; returns how many clients will get it (0 or 1). */
        int deliver(int playerId, WireFrame frame);

        /** Queues a frame for every player and spectator; returns how many will get it. */
        int deliverAll(WireFrame frame);
    }

    private final RoomSetup setup;
    private final World world;
    private final RandomGenerator random;
    private final GameMeters meters;
    private final FrameCodec codec;
    private final Mailboxes mailboxes;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private boolean metadataChanged;

    RoomContext(RoomSetup setup, World world, RandomGenerator random, FrameCodec codec, Mailboxes mailboxes) {
        this.setup = setup;
        this.world = world;
        this.random = random;
        this.meters = setup.game().meters();
        this.codec = codec;
        this.mailboxes = mailboxes;
    }

    @Override
    public World world() {
        return world;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public SettingValues settings() {
        return setup.game().config().settings();
    }

    @Override
    public String roomId() {
        return setup.id();
    }

    @Override
    public int tickHz() {
        return setup.game().rooms().tickHz();
    }

    @Override
    public boolean privateRoom() {
        return setup.isPrivate();
    }

    @Override
    public void send(int playerId, int type, byte[] payload) {
        meters.messagesSent(type, mailboxes.deliver(playerId, encode(type, payload)));
    }

    @Override
    public void broadcast(int type, byte[] payload) {
        meters.messagesSent(type, mailboxes.deliverAll(encode(type, payload)));
    }

    private WireFrame encode(int type, byte[] payload) {
        GameMessage message = new GameMessage(type, payload);
        if (payload.length + GameMessage.MAX_OVERHEAD_BYTES > setup.maxFrameBytes()) {
            throw new IllegalArgumentException("a MESSAGE payload of " + payload.length + " bytes does not fit in a frame"
                    + " of http.maxFrameBytes (" + setup.maxFrameBytes() + "): at most "
                    + (setup.maxFrameBytes() - GameMessage.MAX_OVERHEAD_BYTES) + " bytes");
        }
        return WireFrame.of(codec.encode((dev.arena.server.protocol.ServerMessage) message));
    }

    @Override
    public void setMetadata(String key, String value) {
        RoomMetadataRules.check(metadata, key, value);
        String before = value == null ? metadata.remove(key) : metadata.put(key, value);
        metadataChanged |= !java.util.Objects.equals(before, value);
    }

    /** The metadata now, a copy. */
    Map<String, String> metadata() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Whether the metadata changed since the last call. */
    boolean takeMetadataChange() {
        boolean changed = metadataChanged;
        metadataChanged = false;
        return changed;
    }
}
