package dev.arena.server.game.arena;

import dev.arena.server.game.GameContext;
import dev.arena.server.protocol.PayloadReader;
import dev.arena.server.protocol.PayloadWriter;

/**
 * The arena's chat, a game MESSAGE of type {@value #TYPE} each way
 * (docs/GAMES.md, "The arena game's messages"):
 * <ul>
 *   <li>client to server: {@code [text] (string)}, at most
 *       {@code arena.chatMaxLength} UTF-16 units (longer closes the sender
 *       with 1002 {@code string_too_long});</li>
 *   <li>server to everyone in the room, spectators too:
 *       {@code [playerId] (varint) [name] (string) [text] (string)}.</li>
 * </ul>
 * The text is trimmed and its control characters become spaces; an empty
 * line is dropped. How often a player may chat is bounded by
 * {@code session.maxMessagesPerSecond}, like everything a client sends. The
 * page shows the text as text, never as HTML.
 */
final class ArenaChat {
    static final int TYPE = 1;
    static final String NAME = "chat";

    private final GameContext context;
    private final int maxLength;

    ArenaChat(GameContext context, int maxLength) {
        this.context = context;
        this.maxLength = maxLength;
    }

    /** A chat line from {@code playerId}, called {@code name}: read, cleaned and sent to the whole room. */
    void onMessage(int playerId, String name, byte[] payload) {
        PayloadReader in = new PayloadReader(payload);
        String text = in.string(maxLength, "chat text");
        in.end();
        String clean = text == null ? "" : clean(text);
        if (clean.isEmpty()) {
            return;
        }
        context.broadcast(TYPE, new PayloadWriter().varint(playerId).string(name).string(clean).toBytes());
    }

    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString().strip();
    }
}
