package dev.filament.domain.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.ArrayList;
import java.util.Random;
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

    @org.junit.jupiter.api.Test
    void headersFromAnUntrustedPeerNeverChangeTheResult() {
        ClientIpResolver r = trusting("172.28.0.10/32", "10.0.0.0/8");
        Random random = new Random(20261123);
        for (int run = 0; run < 2_000; run++) {
            IpAddress peer = ip(untrustedAddress(random));
            List<String> cf = headerValues(random);
            List<String> xff = headerValues(random);
            assertThat(r.resolve(peer, cf, xff)).as("peer %s cf %s xff %s", peer, cf, xff)
                    .isEqualTo(new ClientIp(peer, ClientIp.Source.PEER));
        }
    }

    static String untrustedAddress(Random random) {
        while (true) {
            String candidate = random.nextBoolean()
                    ? random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                            + random.nextInt(256)
                    : String.join(":", random.ints(8, 0, 0x10000).mapToObj(Integer::toHexString).toList());
            if (!candidate.startsWith("10.") && !candidate.equals("172.28.0.10")
                    && !candidate.startsWith("0:0:0:0:0:ffff:")) {
                return candidate;
            }
        }
    }

    static List<String> headerValues(Random random) {
        List<String> values = new ArrayList<>();
        int instances = random.nextInt(3);
        for (int i = 0; i < instances; i++) {
            values.add(switch (random.nextInt(5)) {
                case 0 -> untrustedAddress(random);
                case 1 -> untrustedAddress(random) + ", " + untrustedAddress(random) + ", 10.0.0.1";
                case 2 -> "10.0.0." + random.nextInt(256);
                case 3 -> "172.28.0.10";
                default -> randomText(random);
            });
        }
        return values;
    }

    static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(80);
        for (int i = 0; i < n; i++) {
            sb.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return sb.toString();
    }
}
