package dev.arena.server.transport;

import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.support.Players;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spectators in a room with views (PROTOCOL.md "Views"): a spectator has no
 * entity, so the arena's radius rule is asked for viewer 0 and lets it see
 * the whole room, while a player holds only what is near it.
 */
class SpectatorViewTest {
    /** 300 orbs in a 6,000-unit world and a 200-unit view: a player sees about one orb, never all of them. */
    private static final int ORBS = 300;

    @Test
    void aSpectatorOfARoomWithViewsSeesTheWholeRoomAndAPlayerOnlyItsView() throws Exception {
        try (TestServer server = TestServer.start(Map.of("arena.viewRadius", "200", "arena.worldWidth", "6000",
                "arena.worldHeight", "6000", "arena.orbs", String.valueOf(ORBS)));
             Players players = new Players(server)) {
            TestClient ann = players.joined(new Join(null, "ann"));
            assertThat(ann.welcome.params()).containsEntry("viewRadius", 200f);

            TestClient eve = players.send(new Join(ProtocolVersion.CURRENT, null, ann.welcome.roomId(), "eve",
                    Join.SPECTATE, null));
            assertThat(eve.await(Welcome.class).spectator()).isTrue();
            eve.await(Snapshot.class);

            assertThat(eve.world.size()).as("the spectator holds the whole room: every orb and ann")
                    .isEqualTo(ORBS + 1);
            assertThat(eve.world.get(ann.welcome.playerId()).label()).isEqualTo("ann");
            assertThat(ann.world.size()).as("ann holds her view only").isLessThan(ORBS / 2);
            assertThat(ann.world.entities()).filteredOn(e -> e.kind() == ArenaGame.KIND_PLAYER).hasSize(1);
        }
    }
}
