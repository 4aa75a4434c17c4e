package dev.filament.domain.guild.ipban;

import static dev.filament.domain.guild.GuildFixtures.ALICE;
import static dev.filament.domain.guild.GuildFixtures.BOB;
import static dev.filament.domain.guild.GuildFixtures.GUILD;
import static dev.filament.domain.guild.GuildFixtures.outcome;
import static dev.filament.domain.guild.GuildFixtures.ulid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.id.IpBanId;
import dev.filament.domain.net.Cidr;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC 6.6 {@code ip-bans/by-user}: newest observations first, drop covered networks, cap active + new. */
class IpBanPlannerTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final InfrastructureNetworks INFRA =
            InfrastructureNetworks.of(List.of(Cidr.parse("172.28.0.10/32").orElseThrow()));

    private static Cidr net(String raw) {
        return Cidr.parse(raw).orElseThrow();
    }

    private static IpObservation seen(String network, long secondsAgo) {
        Instant at = NOW.minusSeconds(secondsAgo);
        return new IpObservation(BOB, net(network), at.minusSeconds(86400), at);
    }

    private static IpBan ban(int id, String network, Optional<Instant> expiresAt) {
        return new IpBan(IpBanId.of(ulid(id)), GUILD, net(network), Optional.empty(), "", ALICE,
                NOW.minusSeconds(7200), expiresAt);
    }

    private static final List<IpObservation> OBSERVATIONS = List.of(
            seen("198.51.100.1/32", 10),
            seen("2001:db8:1:2::/64", 5),
            seen("198.51.100.2/32", 20),
            seen("203.0.113.9/32", 1),          // inside an active /24 ban
            seen("192.0.2.5/32", 2),            // equal to an expired ban: still planned
            seen("198.51.100.3/32", 3),         // equal to an active ban
            seen("127.0.0.1/32", 30),           // loopback
            seen("172.28.0.10/32", 31),         // trusted proxy
            seen("::/64", 32));                 // the /64 holding ::1
    private static final List<IpBan> BANS = List.of(
            ban(600, "203.0.113.0/24", Optional.empty()),
            ban(601, "192.0.2.5/32", Optional.of(NOW)),
            ban(602, "198.51.100.3/32", Optional.of(NOW.plusSeconds(60))));

    @Test
    void plansUncoveredNetworksNewestFirstSkippingInfrastructure() {
        IpBanPlanner.Plan plan = new IpBanPlanner(INFRA, 4096).plan(OBSERVATIONS, BANS, NOW);

        assertThat(plan.networks()).containsExactly(
                net("192.0.2.5/32"), net("2001:db8:1:2::/64"), net("198.51.100.1/32"), net("198.51.100.2/32"));
        assertThat(plan.activeBans()).isEqualTo(2);
        assertThat(outcome(plan.withinCap())).isEqualTo("allowed");
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<IpObservation> reversed = new ArrayList<>(OBSERVATIONS);
        Collections.reverse(reversed);

        assertThat(new IpBanPlanner(INFRA, 4096).plan(reversed, BANS, NOW).networks())
                .isEqualTo(new IpBanPlanner(INFRA, 4096).plan(OBSERVATIONS, BANS, NOW).networks());
    }

    @ParameterizedTest(name = "max {0}: {1} new networks")
    @CsvSource({
            "1, 0",     // newest is 203.0.113.9, covered by a ban
            "2, 1",     // + 192.0.2.5
            "3, 1",     // + 198.51.100.3, covered
            "4, 2"})    // + 2001:db8:1:2::/64
    void takesAtMostMaxObservationsBeforeDroppingCoveredOnes(int max, int expectedNew) {
        assertThat(new IpBanPlanner(INFRA, max).plan(OBSERVATIONS, BANS, NOW).networks()).hasSize(expectedNew);
    }

    @Test
    void capCountsActiveBansPlusNewOnes() {
        // max 4: observations taken = 4 newest -> 2 new; active 2; 2 + 2 = 4 is fine
        assertThat(outcome(new IpBanPlanner(INFRA, 4).plan(OBSERVATIONS, BANS, NOW).withinCap()))
                .isEqualTo("allowed");
        // max 5: 5 newest -> 3 new (adds 198.51.100.1); 2 + 3 = 5 is fine
        assertThat(outcome(new IpBanPlanner(INFRA, 5).plan(OBSERVATIONS, BANS, NOW).withinCap()))
                .isEqualTo("allowed");
        assertThat(outcome(new IpBanPlanner.Plan(List.of(net("198.51.100.1/32")), 4095, 4096).withinCap()))
                .isEqualTo("allowed");
        assertThat(outcome(new IpBanPlanner.Plan(
                List.of(net("198.51.100.1/32"), net("198.51.100.2/32")), 4095, 4096).withinCap()))
                .isEqualTo("quota_exceeded");
        assertThat(outcome(new IpBanPlanner.Plan(List.of(), 5000, 4096).withinCap())).isEqualTo("quota_exceeded");
    }

    @Test
    void nothingObservedPlansNothing() {
        IpBanPlanner.Plan plan = new IpBanPlanner(INFRA, 4096).plan(List.of(), BANS, NOW);

        assertThat(plan.networks()).isEmpty();
        assertThat(outcome(plan.withinCap())).isEqualTo("allowed");
    }
}
