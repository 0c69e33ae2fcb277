package dev.arena.server.game.tag;

import dev.arena.server.protocol.PayloadReader;
import dev.arena.server.protocol.PayloadWriter;

/**
 * The tag game's MESSAGEs, all from the server to everyone in the room
 * (spectators too); clients send none. docs/GAMES.md lists the same layouts.
 */
public final class TagMessages {
    /** {@code [taggerId] (varint) [taggerName] (string) [taggedId] (varint) [taggedName] (string) [team] (varint) [teamScore] (varint)}. */
    public static final int TAGGED = 1;
    /** {@code [event] (varint) [round] (varint) [winner] (zigzag) [redScore] (varint) [blueScore] (varint)}. */
    public static final int ROUND = 2;

    private TagMessages() {
    }

    /**
     * An it touched an opponent: the it's team scored and the tagged player is it now.
     *
     * @param team      the tagger's team, which scored ({@link TagTeams#RED} or {@link TagTeams#BLUE})
     * @param teamScore that team's score after the tag
     */
    public record Tagged(int taggerId, String taggerName, int taggedId, String taggedName, int team, int teamScore) {
        public byte[] toBytes() {
            return new PayloadWriter().varint(taggerId).string(taggerName).varint(taggedId).string(taggedName)
                    .varint(team).varint(teamScore).toBytes();
        }

        public static Tagged read(byte[] payload) {
            PayloadReader in = new PayloadReader(payload);
            Tagged t = new Tagged(in.varint(), in.string(64, "taggerName"), in.varint(), in.string(64, "taggedName"),
                    in.varint(), in.varint());
            in.end();
            return t;
        }
    }

    /** What happened to the round. */
    public enum RoundEvent { STARTED, ENDED, STOPPED }

    /**
     * A round started, ended (the scores are final) or stopped (too few players left).
     *
     * @param winner the winning team when {@code ENDED}, else (or for a draw) -1
     */
    public record Round(RoundEvent event, int round, int winner, int redScore, int blueScore) {
        public byte[] toBytes() {
            return new PayloadWriter().varint(event.ordinal()).varint(round).zigzag(winner).varint(redScore)
                    .varint(blueScore).toBytes();
        }

        public static Round read(byte[] payload) {
            PayloadReader in = new PayloadReader(payload);
            Round r = new Round(RoundEvent.values()[in.varint()], in.varint(), in.zigzag(), in.varint(), in.varint());
            in.end();
            return r;
        }
    }
}
