package dev.arena.server.game.tag;

/** One player's simulation state; {@link TagGame} writes the replicated part into the world. */
final class TagPlayer {
    final int id;
    final String name;
    int team;
    double x;
    double y;
    double dirX;
    double dirY;
    int lastSeq;
    boolean hasInput;
    int score;
    boolean it;
    /** The last step of standing still after becoming it: till then the player neither moves nor tags. */
    long frozenUntil;

    TagPlayer(int id, String name, int team) {
        this.id = id;
        this.name = name;
        this.team = team;
    }

    boolean frozenAt(long tick) {
        return tick <= frozenUntil;
    }

    boolean canTag(long tick) {
        return it && !frozenAt(tick);
    }

    boolean isOpponentOf(TagPlayer other) {
        return team != other.team;
    }
}
