package dev.arena.server.transport;

import dev.arena.server.config.IpBlock;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The node's bans with a clock the test moves: a ban matches the addresses of
 * its block until its end and no longer, the list stays within its bound, a
 * block banned again keeps its ban (renewed), a lifted ban is gone, and a ban
 * travels as JSON (to another node) unchanged.
 */
class BansTest {
    private long now = 1_800_000_000_000L;
    private final Bans bans = new Bans(2, () -> now);

    @Test
    void aBanMatchesItsBlockUntilItsEnd() {
        Ban ban = bans.add(IpBlock.parse("203.0.113.0/24"), 60, "cheating");
        assertThat(bans.match("203.0.113.7")).isEqualTo(ban);
        assertThat(bans.match("203.0.113.255")).isEqualTo(ban);
        assertThat(bans.match("::ffff:203.0.113.9")).as("IPv4-mapped").isEqualTo(ban);
        assertThat(bans.match("203.0.114.1")).isNull();
        assertThat(bans.match("not an address")).isNull();
        now += 59_999;
        assertThat(bans.match("203.0.113.7")).isEqualTo(ban);
        now += 1;
        assertThat(bans.match("203.0.113.7")).as("at its end").isNull();
        assertThat(bans.list()).isEmpty();
    }

    @Test
    void theListIsBoundedAndABlockBannedAgainKeepsItsBan() {
        Ban first = bans.add(IpBlock.parse("2001:db8::/32"), 60, "one");
        bans.add(IpBlock.parse("198.51.100.4"), 60, "two");
        assertThat(bans.add(IpBlock.parse("192.0.2.1"), 60, "three")).as("full").isNull();

        Ban renewed = bans.add(IpBlock.parse("2001:0db8:0:0::1/32"), 600, "one, longer");
        assertThat(renewed.id()).isEqualTo(first.id());
        assertThat(renewed.expiresAtMillis()).isEqualTo(now + 600_000);
        assertThat(bans.list()).hasSize(2).extracting(Ban::reason).containsExactly("two", "one, longer");

        now += 60_000;
        assertThat(bans.add(IpBlock.parse("192.0.2.1"), 60, "three")).as("an expired ban made room").isNotNull();
    }

    @Test
    void aLiftedBanIsGoneAndAnUnknownIdLiftsNothing() {
        Ban ban = bans.add(IpBlock.parse("198.51.100.4"), 60, "");
        assertThat(bans.lift("b000000000000")).isNull();
        assertThat(bans.lift(ban.id())).isEqualTo(ban);
        assertThat(bans.match("198.51.100.4")).isNull();
        assertThat(bans.list()).isEmpty();
    }

    @Test
    void aBanTravelsAsJsonAndAnotherNodeAppliesItOnce() {
        Ban ban = bans.add(IpBlock.parse("10.1.2.3/8"), 90, "spam");
        JsonObject json = ban.toJson(now);
        assertThat(json.getString("address")).isEqualTo("10.0.0.0/8");
        assertThat(json.getLong("secondsLeft")).isEqualTo(90);
        assertThat(json.getString("expiresAt")).isEqualTo("2027-01-15T08:01:30Z");

        Bans other = new Bans(2, () -> now);
        Ban copy = Ban.fromJson(json);
        assertThat(other.apply(copy)).isTrue();
        assertThat(other.apply(copy)).as("again: the same ban").isTrue();
        assertThat(other.list()).hasSize(1);
        assertThat(other.match("10.200.0.1").id()).isEqualTo(ban.id());
        assertThatThrownBy(() -> Ban.fromJson(new JsonObject().put("id", "b1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
