package dev.filament.domain.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC 2.5: the worked examples, the edge cases, and the no-spoofing property. */
class ClientIpResolverTest {

    static ClientIpResolver trusting(String... cidrs) {
        return new ClientIpResolver(Arrays.stream(cidrs).map(c -> Cidr.parse(c).orElseThrow()).toList());
    }

    static IpAddress ip(String s) {
        return IpAddress.parse(s).orElseThrow();
    }

    static List<String> headers(String v) {
        return v == null || v.isEmpty() ? List.of() : List.of(v);
    }

    @ParameterizedTest(name = "peer {0}, trusted {1}, cf {2}, xff {3} -> {4} {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "203.0.113.7|172.28.0.10/32|198.51.100.9|1.2.3.4|203.0.113.7|peer",
        "172.28.0.10|172.28.0.10/32|198.51.100.9|10.9.9.9|198.51.100.9|forwarded",
        "172.28.0.10|172.28.0.10/32 10.0.0.0/8|-|6.6.6.6, 198.51.100.23, 10.0.0.5|198.51.100.23|forwarded",
        "172.28.0.10|172.28.0.10/32 10.0.0.0/8|-|10.0.0.7, 10.0.0.5|10.0.0.7|forwarded",
        "::ffff:172.28.0.10|172.28.0.10/32|nope|198.51.100.23:443|172.28.0.10|peer",
        "172.28.0.10|172.28.0.10/32|-|-|172.28.0.10|peer",
        "172.28.0.10|172.28.0.10/32|[2001:db8::1]|-|172.28.0.10|peer",
        "172.28.0.10|172.28.0.10/32|fe80::1%eth0|2001:db8::5|2001:db8::5|forwarded",
        "172.28.0.10|172.28.0.10/32|  198.51.100.9  |-|198.51.100.9|forwarded",
        "172.28.0.10|172.28.0.10/32|-|1.2.3.4,,5.6.7.8|172.28.0.10|peer",
        "172.28.0.10|172.28.0.10/32|-|01.2.3.4|172.28.0.10|peer",
        "172.28.0.10|172.28.0.10/32|-|::ffff:198.51.100.1|198.51.100.1|forwarded",
        "172.28.0.10|172.28.0.10/32|-|example.com|172.28.0.10|peer",
    })
    void resolvesTheWorkedExamples(String peer, String trusted, String cf, String xff, String client, String src) {
        ClientIp r = trusting(trusted.split(" ")).resolve(ip(peer), headers(cf), headers(xff));
        assertThat(r.address()).isEqualTo(ip(client));
        assertThat(r.source().wireName()).isEqualTo(src);
    }

    @ParameterizedTest
    @CsvSource({"2", "3"})
    void moreThanOneCfHeaderIsIgnored(int copies) {
        List<String> cf = java.util.Collections.nCopies(copies, "198.51.100.9");
        ClientIp r = trusting("172.28.0.10/32").resolve(ip("172.28.0.10"), cf, List.of("203.0.113.1"));
        assertThat(r.address()).isEqualTo(ip("203.0.113.1"));
    }

    @org.junit.jupiter.api.Test
    void forwardedForInstancesAreJoinedInOrderAndBoundedInLength() {
        ClientIpResolver r = trusting("172.28.0.10/32", "10.0.0.0/8");
        assertThat(r.resolve(ip("172.28.0.10"), List.of(), List.of("198.51.100.1", "10.0.0.2")).address())
                .isEqualTo(ip("198.51.100.1"));
        String tooLong = String.join(",", java.util.Collections.nCopies(40, "198.51.100.100"));
        assertThat(tooLong.length()).isGreaterThan(512);
        assertThat(r.resolve(ip("172.28.0.10"), List.of(), List.of(tooLong)).source())
                .isEqualTo(ClientIp.Source.PEER);
    }

    @Property(tries = 300)
    void headersFromAnUntrustedPeerNeverChangeTheResult(@ForAll("addresses") String peer,
                                                        @ForAll("headerValues") String cf,
                                                        @ForAll("headerValues") String xff) {
        ClientIpResolver r = trusting("172.28.0.10/32", "10.0.0.0/8");
        IpAddress p = ip(peer);
        ClientIp resolved = r.resolve(p, List.of(cf), List.of(xff));
        assertThat(resolved).isEqualTo(new ClientIp(p, ClientIp.Source.PEER));
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> v4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3))
                .filter(s -> !s.startsWith("10.") && !s.equals("172.28.0.10"));
        Arbitrary<String> v6 = Arbitraries.integers().between(0, 0xffff).list().ofSize(8)
                .map(l -> String.join(":", l.stream().map(Integer::toHexString).toList()))
                .filter(s -> !s.startsWith("0:0:0:0:0:ffff:"));
        return Arbitraries.oneOf(v4, v6);
    }

    @Provide
    Arbitrary<String> headerValues() {
        return Arbitraries.oneOf(addresses(), addresses().list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(", ", l)),
                Arbitraries.strings().ofMaxLength(80), Arbitraries.just("10.0.0.1"), Arbitraries.just("172.28.0.10"));
    }
}
