package dev.arena.server.transport;

import dev.arena.server.config.IpBlock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which X-Forwarded-For hop is the client, for peers trusted or not. */
class ClientAddressTest {
    private static final List<IpBlock> PROXIES = List.of(IpBlock.parse("10.0.0.0/8"), IpBlock.parse("fd00::/8"));

    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        assertThat(ClientAddress.resolve("192.0.2.1", List.of("203.0.113.5"), List.of())).isEqualTo("192.0.2.1");
    }

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        assertThat(ClientAddress.resolve("192.0.2.1", List.of("203.0.113.5"), PROXIES)).isEqualTo("192.0.2.1");
    }

    @Test
    void theRightmostUntrustedHopIsTheClient() {
        assertThat(ClientAddress.resolve("10.0.0.2", List.of("198.51.100.9, 203.0.113.5, 10.1.1.1"), PROXIES))
                .isEqualTo("203.0.113.5");
        assertThat(ClientAddress.resolve("10.0.0.2", List.of("198.51.100.9", "203.0.113.5", "10.1.1.1"), PROXIES))
                .as("the same hops in several headers").isEqualTo("203.0.113.5");
    }

    @Test
    void portsBracketsAndMappedAddressesAreTheAddressTheyCarry() {
        assertThat(ClientAddress.resolve("10.0.0.2", List.of("203.0.113.5:41234"), PROXIES)).isEqualTo("203.0.113.5");
        assertThat(ClientAddress.resolve("10.0.0.2", List.of("[2001:db8::1]:443"), PROXIES)).isEqualTo("2001:db8::1");
        assertThat(ClientAddress.resolve("10.0.0.2", List.of("2001:db8:0:0::1"), PROXIES)).isEqualTo("2001:db8::1");
        assertThat(ClientAddress.resolve("::ffff:10.0.0.2", List.of("203.0.113.5"), PROXIES)).isEqualTo("203.0.113.5");
        assertThat(ClientAddress.resolve("fd00::7", List.of("203.0.113.5"), PROXIES)).isEqualTo("203.0.113.5");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClientAndWithoutHopsThePeer() {
        assertThat(ClientAddress.resolve("10.0.0.2", List.of("10.9.9.9, 10.1.1.1"), PROXIES)).isEqualTo("10.9.9.9");
        assertThat(ClientAddress.resolve("10.0.0.2", List.of(), PROXIES)).isEqualTo("10.0.0.2");
    }

    @Test
    void anUnparsableHopStopsTheWalkAndIsKeptAsShortText() {
        assertThat(ClientAddress.resolve("10.0.0.2", List.of("203.0.113.5, unknown"), PROXIES)).isEqualTo("unknown");
        assertThat(ClientAddress.resolve("10.0.0.2", List.of("x".repeat(500)), PROXIES)).hasSize(64);
    }
}
