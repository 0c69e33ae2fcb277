package dev.arena.server.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The value types of the admission keys: CIDR blocks and web origins. */
class AddressAndOriginTest {
    @Test
    void aCidrBlockContainsExactlyItsAddresses() {
        IpBlock ten = IpBlock.parse("10.0.0.0/8");
        assertThat(ten.contains(IpBlock.literal("10.255.1.2"))).isTrue();
        assertThat(ten.contains(IpBlock.literal("11.0.0.1"))).isFalse();
        assertThat(ten.contains(IpBlock.literal("::ffff:10.0.0.1"))).as("IPv4-mapped").isTrue();
        assertThat(IpBlock.parse("192.168.1.7").contains(IpBlock.literal("192.168.1.7"))).isTrue();
        assertThat(IpBlock.parse("192.168.1.7").contains(IpBlock.literal("192.168.1.8"))).isFalse();
        assertThat(IpBlock.parse("172.16.0.0/12").contains(IpBlock.literal("172.31.255.255"))).isTrue();
        assertThat(IpBlock.parse("172.16.0.0/12").contains(IpBlock.literal("172.32.0.0"))).isFalse();
        assertThat(IpBlock.parse("fd00::/8").contains(IpBlock.literal("fdab::1"))).isTrue();
        assertThat(IpBlock.parse("fd00::/8").contains(IpBlock.literal("10.0.0.1"))).isFalse();
        assertThat(IpBlock.parse("0.0.0.0/0").contains(IpBlock.literal("8.8.8.8"))).isTrue();
        assertThat(IpBlock.parse("::1").contains(IpBlock.literal("[::1]"))).isTrue();
    }

    @Test
    void aBlockHasOneCanonicalSpelling() {
        assertThat(IpBlock.parse("10.1.2.3/8").canonical()).isEqualTo("10.0.0.0/8");
        assertThat(IpBlock.parse(" 203.0.113.7 ").canonical()).isEqualTo("203.0.113.7");
        assertThat(IpBlock.parse("203.0.113.7/32").canonical()).isEqualTo("203.0.113.7");
        assertThat(IpBlock.parse("2001:0DB8:0:0::1/32").canonical()).isEqualTo("2001:db8::/32");
        assertThat(IpBlock.parse("::ffff:10.0.0.1").canonical()).as("IPv4-mapped").isEqualTo("10.0.0.1");
        assertThat(IpBlock.parse("0:0::1").canonical()).isEqualTo("::1");
        assertThat(IpBlock.parse("0.0.0.0/0").prefixLength()).isZero();
    }

    @Test
    void namesAndBadBlocksAreRefusedWithoutALookup() {
        assertThat(IpBlock.literal("localhost")).as("names are never looked up").isNull();
        assertThatThrownBy(() -> IpBlock.parse("proxy.internal")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> IpBlock.parse("10.0.0.0/33")).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> IpBlock.parse("10.0.0.0/x")).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> IpBlock.parse("300.1.1.1")).hasMessageContaining("not an IP address");
    }

    @Test
    void originsCompareBySchemeHostAndEffectivePort() {
        assertThat(WebOrigin.parse("https://Game.Example.com")).isEqualTo(WebOrigin.parse("https://game.example.com:443"));
        assertThat(WebOrigin.parse("http://game.example.com")).isNotEqualTo(WebOrigin.parse("https://game.example.com"));
        assertThat(WebOrigin.parse("http://[::1]:8080").toString()).isEqualTo("http://[::1]:8080");
        assertThat(WebOrigin.parse("https://game.example.com:443/").toString()).isEqualTo("https://game.example.com");
        for (String bad : new String[]{"null", "game.example.com", "ftp://x.example", "https://x.example/path",
                "https://user@x.example", "https://x.example?q", "*.example.com"}) {
            assertThatThrownBy(() -> WebOrigin.parse(bad)).as(bad).hasMessageContaining("is not an origin");
        }
    }

    @Test
    void anOriginIsTheSameHostAsAHostHeaderWithTheSchemesDefaultPort() {
        WebOrigin https = WebOrigin.parse("https://game.example.com");
        assertThat(https.sameHostAs("game.example.com")).isTrue();
        assertThat(https.sameHostAs("GAME.example.com:443")).isTrue();
        assertThat(https.sameHostAs("game.example.com:80")).isFalse();
        assertThat(https.sameHostAs("evil.example")).isFalse();
        assertThat(WebOrigin.parse("http://127.0.0.1:8080").sameHostAs("127.0.0.1:8080")).isTrue();
        assertThat(WebOrigin.parse("http://[::1]:8080").sameHostAs("[::1]:8080")).isTrue();
        assertThat(WebOrigin.parse("http://[::1]").sameHostAs("[::1]")).isTrue();
        assertThat(https.sameHostAs(null)).isFalse();
        assertThat(https.sameHostAs("game.example.com:x")).isFalse();
    }
}
