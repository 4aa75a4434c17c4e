package dev.filament.domain.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @Test
    void masksHostBitsAndMatchesMembers() {
        Cidr c = Cidr.parse("10.1.2.3/8").orElseThrow();
        assertThat(c.toString()).isEqualTo("10.0.0.0/8");
        assertThat(c.contains(IpAddress.parse("10.255.0.1").orElseThrow())).isTrue();
        assertThat(c.contains(IpAddress.parse("11.0.0.1").orElseThrow())).isFalse();
        assertThat(c.contains(IpAddress.parse("::1").orElseThrow())).isFalse();
    }

    @Test
    void bareAddressIsAHostNetworkAndMappedV6BecomesV4() {
        assertThat(Cidr.parse("172.28.0.10").orElseThrow().prefix()).isEqualTo(32);
        assertThat(Cidr.parse("2001:db8::1").orElseThrow().prefix()).isEqualTo(128);
        assertThat(Cidr.parse("::ffff:172.28.0.10/32").orElseThrow())
                .isEqualTo(Cidr.parse("172.28.0.10/32").orElseThrow());
    }

    @Test
    void ipv6ObservationNetworkIsTheSlash64() {
        Cidr net = IpAddress.parse("2001:db8:1:2:3:4:5:6").orElseThrow().observationNetwork();
        assertThat(net.toString()).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(net.contains(IpAddress.parse("2001:db8:1:2:ffff::1").orElseThrow())).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").orElseThrow().contains(net)).isTrue();
        assertThat(net.contains(Cidr.parse("2001:db8::/32").orElseThrow())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "host/8", "10.0.0/8", "::1/129", "[::1]/64"})
    void rejectsMalformedEntries(String raw) {
        assertThat(Cidr.parse(raw)).isEmpty();
    }

    @Test
    void loopbackDetection() {
        assertThat(IpAddress.parse("127.8.9.1").orElseThrow().isLoopback()).isTrue();
        assertThat(IpAddress.parse("::1").orElseThrow().isLoopback()).isTrue();
        assertThat(IpAddress.parse("128.0.0.1").orElseThrow().isLoopback()).isFalse();
    }
}
