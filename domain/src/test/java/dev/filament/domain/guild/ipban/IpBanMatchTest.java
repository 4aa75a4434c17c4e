package dev.filament.domain.guild.ipban;

import static dev.filament.domain.guild.GuildFixtures.ALICE;
import static dev.filament.domain.guild.GuildFixtures.GUILD;
import static dev.filament.domain.guild.GuildFixtures.ulid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.id.IpBanId;
import dev.filament.domain.net.Cidr;
import dev.filament.domain.net.IpAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC 6.6 matching: active bans whose network contains the client IP; infrastructure never matches. */
class IpBanMatchTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final IpBanMatch MATCH =
            new IpBanMatch(InfrastructureNetworks.of(List.of(Cidr.parse("172.28.0.10/32").orElseThrow(),
                    Cidr.parse("10.0.0.0/8").orElseThrow())));

    static IpBan ban(String network, Optional<Instant> expiresAt) {
        return new IpBan(IpBanId.of(ulid(500)), GUILD, Cidr.parse(network).orElseThrow(), Optional.of(ALICE), "",
                ALICE, NOW.minusSeconds(3600), expiresAt);
    }

    static IpAddress ip(String raw) {
        return IpAddress.parse(raw).orElseThrow();
    }

    @ParameterizedTest(name = "expires at now{0}s: active={1}")
    @CsvSource({"-3600, false", "-1, false", "0, false", "1, true", "3600, true"})
    void expiryBoundary_aBanExpiringExactlyNowIsInactive(long offsetSeconds, boolean active) {
        IpBan b = ban("198.51.100.7/32", Optional.of(NOW.plusSeconds(offsetSeconds)));

        assertThat(b.isActiveAt(NOW)).isEqualTo(active);
        assertThat(MATCH.matches(b, ip("198.51.100.7"), NOW)).isEqualTo(active);
    }

    @Test
    void aBanWithoutExpiryIsAlwaysActive() {
        IpBan b = ban("198.51.100.7/32", Optional.empty());

        assertThat(b.isActiveAt(Instant.MAX)).isTrue();
        assertThat(MATCH.matches(b, ip("198.51.100.7"), NOW)).isTrue();
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "198.51.100.7/32, 198.51.100.7, true",
            "198.51.100.7/32, 198.51.100.8, false",
            "198.51.100.0/24, 198.51.100.250, true",
            "2001:db8:1:2::/64, 2001:db8:1:2::1, true",
            "2001:db8:1:2::/64, 2001:db8:1:2:ffff:ffff:ffff:ffff, true",
            "2001:db8:1:2::/64, 2001:db8:1:3::1, false",
            "2001:db8:1:2::/64, 198.51.100.7, false",
            "198.51.100.7/32, ::ffff:198.51.100.7, true",           // mapped IPv6 is normalised to IPv4
            "0.0.0.0/0, 127.0.0.1, false",                          // loopback never matches
            "127.0.0.0/8, 127.0.0.1, false",
            "::/0, ::1, false",
            "::1/128, ::1, false",
            "0.0.0.0/0, 172.28.0.10, false",                        // trusted proxy never matches
            "10.0.0.0/8, 10.1.2.3, false",
            "0.0.0.0/0, 172.28.0.11, true"})
    void networkContainment(String network, String clientIp, boolean matches) {
        assertThat(MATCH.matches(ban(network, Optional.empty()), ip(clientIp), NOW)).isEqualTo(matches);
    }

    @Test
    void firstMatchSkipsExpiredBansAndFindsAnActiveOne() {
        IpBan expired = ban("198.51.100.0/24", Optional.of(NOW));
        IpBan active = ban("198.51.100.7/32", Optional.of(NOW.plusSeconds(1)));

        assertThat(MATCH.firstMatch(List.of(expired, active), ip("198.51.100.7"), NOW)).contains(active);
        assertThat(MATCH.isBanned(List.of(expired), ip("198.51.100.7"), NOW)).isFalse();
        assertThat(MATCH.isBanned(List.of(), ip("198.51.100.7"), NOW)).isFalse();
    }

    @Test
    void surfacesCarryTheirSpecNames() {
        assertThat(IpBanSurface.values()).hasSize(22);
        assertThat(IpBanSurface.fromWire("guild.channel_permission_overrides.update"))
                .contains(IpBanSurface.GUILD_CHANNEL_PERMISSION_OVERRIDES_UPDATE);
        assertThat(IpBanSurface.GATEWAY_MESSAGE_CREATE.wire()).isEqualTo("gateway.message_create");
    }

    @Test
    void listReasonIsNullWhenStoredEmpty() {
        assertThat(ban("198.51.100.7/32", Optional.empty()).reasonForList()).isEmpty();
    }
}
