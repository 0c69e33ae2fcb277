package dev.arena.server.support;

import dev.arena.server.game.GameBase;
import dev.arena.server.game.GameContext;
import dev.arena.server.game.GameDefinition;
import dev.arena.server.game.GameInfo;
import dev.arena.server.game.Setting;
import dev.arena.server.protocol.PayloadReader;
import dev.arena.server.protocol.PayloadWriter;

import java.util.List;
import java.util.Map;

/**
 * A second game for tests of the game API, written the way docs/GAMES.md
 * says: players add numbers to a shared total with a MESSAGE ("add", a
 * varint), and everyone is sent the new total ("total", a varint). The
 * joiner is sent the total from {@code onJoin}. Its settings: {@code mode}
 * (a choice, shown as room metadata) and {@code start} (the first total).
 * Two players a room, 10 ticks a second.
 */
public final class TallyGame extends GameBase {
    public static final int ADD = 1;
    public static final int TOTAL = 2;
    public static final int KIND_PLAYER = 1;

    public static final GameDefinition DEFINITION = GameDefinition.builder("tally")
            .description("Add to a shared total.")
            .capacity(2).tickHz(10)
            .setting(Setting.choice("mode", "solo", List.of("solo", "teams"), "how players count"),
                    Setting.integer("start", 0, 0, 100, "the first total"))
            .messageType(ADD, "add")
            .messageType(TOTAL, "total")
            .create(TallyGame::new);

    private int total;

    private TallyGame(GameContext context) {
        super(context);
        total = context.settings().integer("start");
        context.setMetadata("mode", context.settings().choice("mode"));
    }

    @Override
    public GameInfo info() {
        return new GameInfo(1, 1, 1, Map.of());
    }

    @Override
    public int onJoin(String name) {
        int id = world.spawn(KIND_PLAYER, name, 0);
        send(id, TOTAL, new PayloadWriter().varint(total).toBytes());
        return id;
    }

    @Override
    public void onLeave(int playerId) {
        world.despawn(playerId);
    }

    @Override
    public void onMessage(int playerId, int type, byte[] payload) {
        if (type != ADD) {
            return;
        }
        PayloadReader in = new PayloadReader(payload);
        int n = in.varint();
        in.end();
        total += n;
        broadcast(TOTAL, new PayloadWriter().varint(total).toBytes());
    }

    /** The total a TOTAL message carries. */
    public static int totalOf(byte[] payload) {
        PayloadReader in = new PayloadReader(payload);
        int total = in.varint();
        in.end();
        return total;
    }
}
