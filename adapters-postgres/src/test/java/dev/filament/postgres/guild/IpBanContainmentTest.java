package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.GUILD_IP_BANS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.Cidr;
import dev.filament.domain.net.IpAddress;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** IP-ban containment with PostgreSQL's inet operators (SPEC 6.6): /32, /64, address families and expiry. */
@ExtendWith(PostgresExtension.class)
class IpBanContainmentTest {
    private static final Instant T0 = PostgresGuildPorts.T0;

    private final PostgresGuildPorts ports;
    private final GuildPorts store;
    private final Guild guild;

    IpBanContainmentTest(TestDatabase db) {
        ports = new PostgresGuildPorts(db);
        store = ports.store();
        guild = ports.insertGuild(store, ports.user(), "bans");
    }

    private IpBan ban(String cidr, Optional<Instant> expiresAt) {
        UserId by = guild.createdBy();
        IpBan ban = new IpBan(ports.ids().newIpBanId(), guild.id(), Cidr.parse(cidr).orElseThrow(), Optional.empty(),
                "", by, T0, expiresAt);
        store.unitOfWork().run(() -> store.ipBans().insertAll(List.of(ban)));
        return ban;
    }

    private List<IpBan> hits(String address, Instant now) {
        return store.tx(() -> store.ipBans().activeContaining(guild.id(), IpAddress.parse(address).orElseThrow(),
                now));
    }

    @Test
    void anIpv4HostBanMatchesExactlyThatAddressAndNoIpv6Address() {
        IpBan host = ban("203.0.113.9/32", Optional.empty());
        assertThat(hits("203.0.113.9", T0)).containsExactly(host);
        assertThat(hits("203.0.113.10", T0)).isEmpty();
        assertThat(hits("203.0.113.8", T0)).isEmpty();
        assertThat(hits("2001:db8::cb00:7109", T0)).isEmpty();
    }

    @Test
    void anIpv6Slash64BanMatchesEveryAddressOfThatNetworkOnly() {
        IpBan net = ban("2001:db8:1:2::/64", Optional.empty());
        assertThat(hits("2001:db8:1:2::", T0)).containsExactly(net);
        assertThat(hits("2001:db8:1:2:ffff:ffff:ffff:ffff", T0)).containsExactly(net);
        assertThat(hits("2001:db8:1:3::", T0)).isEmpty();
        assertThat(hits("2001:db8:1:1:ffff:ffff:ffff:ffff", T0)).isEmpty();
        assertThat(hits("32.1.13.184", T0)).isEmpty(); // the same leading bits, but IPv4
    }

    @Test
    void aBanStopsMatchingTheSecondItExpires() {
        IpBan expiring = ban("198.51.100.77/32", Optional.of(T0.plusSeconds(10)));
        assertThat(hits("198.51.100.77", T0.plusSeconds(9))).containsExactly(expiring);
        assertThat(hits("198.51.100.77", T0.plusMillis(9_999))).containsExactly(expiring);
        assertThat(hits("198.51.100.77", T0.plusSeconds(10))).isEmpty();
        assertThat(store.tx(() -> store.ipBans().active(guild.id(), T0.plusSeconds(10)))).doesNotContain(expiring);
        assertThat(store.tx(() -> store.ipBans().find(guild.id(), expiring.id()))).contains(expiring);
    }

    @Test
    void overlappingBansAllMatch_andOtherGuildsBansNever() {
        IpBan wide = ban("192.0.2.0/24", Optional.empty());
        IpBan host = ban("192.0.2.55/32", Optional.empty());
        Guild other = ports.insertGuild(store, ports.user(), "other");
        store.unitOfWork().run(() -> store.ipBans().insertAll(List.of(new IpBan(ports.ids().newIpBanId(),
                other.id(), Cidr.parse("192.0.2.0/24").orElseThrow(), Optional.empty(), "", other.createdBy(), T0,
                Optional.empty()))));
        assertThat(hits("192.0.2.55", T0)).containsExactlyInAnyOrder(wide, host);
        assertThat(hits("192.0.2.56", T0)).containsExactly(wide);
    }

    @Test
    void theContainmentConditionCanUseTheGistIndex() {
        var query = ports.dsl().selectFrom(GUILD_IP_BANS)
                .where(IpBanRows.contains(GUILD_IP_BANS.IP_NETWORK, IpAddress.parse("203.0.113.9").orElseThrow()));
        String plan = store.tx(() -> {
            ports.dsl().execute("set local enable_seqscan = off");
            return ports.dsl().fetch("explain " + ports.dsl().renderInlined(query)).stream()
                    .map(r -> r.get(0, String.class)).collect(Collectors.joining("\n"));
        });
        assertThat(plan).contains("guild_ip_bans_network_idx");
    }
}
