package dev.filament.domain.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SPEC 2.6: every per-IP key names the client network, the /64 for IPv6 and the address for IPv4. */
class NetworkKeyTest {

    private static String key(String ip) {
        return IpAddress.parse(ip).orElseThrow().networkKey();
    }

    @Test
    void ipv6AddressesInOneSlash64ShareOneKey() {
        assertThat(key("2001:db8:1:2::1")).isEqualTo(key("2001:db8:1:2:ffff:ffff:ffff:fffe"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    }

    @Test
    void differentSlash64sHaveDifferentKeys() {
        assertThat(key("2001:db8:1:2::1")).isNotEqualTo(key("2001:db8:1:3::1"));
    }

    @Test
    void ipv4KeepsTheAddressAndMappedIpv6BecomesIpv4() {
        assertThat(key("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(key("198.51.100.8")).isNotEqualTo(key("198.51.100.7"));
        assertThat(key("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
    }
}
