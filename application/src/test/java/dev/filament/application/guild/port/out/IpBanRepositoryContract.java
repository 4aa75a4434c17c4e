package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.Cidr;
import dev.filament.domain.net.IpAddress;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract every {@link IpBanRepository} keeps. */
public abstract class IpBanRepositoryContract extends GuildPortContractSupport {

    private IpBan ban(Guild g, String cidr, Instant createdAt, Optional<Instant> expiresAt) {
        UserId by = createUser();
        return new IpBan(ids.newIpBanId(), g.id(), Cidr.parse(cidr).orElseThrow(), Optional.of(by), "", by,
                createdAt, expiresAt);
    }

    @Test
    void activeMeansNoExpiryOrAFutureOne_andContainmentUsesTheNetwork() {
        Guild g = newGuild();
        IpBan forever = ban(g, "198.51.100.0/24", T0, Optional.empty());
        IpBan future = ban(g, "2001:db8::/64", T0, Optional.of(T0.plusSeconds(10)));
        IpBan expiresNow = ban(g, "198.51.100.7/32", T0, Optional.of(T0.plusSeconds(5)));
        run(() -> store.ipBans().insertAll(List.of(forever, future, expiresNow)));
        Instant now = T0.plusSeconds(5);
        assertThat(tx(() -> store.ipBans().active(g.id(), now))).containsExactlyInAnyOrder(forever, future);
        assertThat(tx(() -> store.ipBans().activeContaining(g.id(), IpAddress.parse("198.51.100.7").orElseThrow(),
                now))).containsExactly(forever);
        assertThat(tx(() -> store.ipBans().activeContaining(g.id(), IpAddress.parse("2001:db8::99").orElseThrow(),
                now))).containsExactly(future);
        assertThat(tx(() -> store.ipBans().activeContaining(newGuild().id(),
                IpAddress.parse("198.51.100.7").orElseThrow(), now))).isEmpty();
        assertThat(tx(() -> store.ipBans().find(g.id(), expiresNow.id()))).contains(expiresNow);
    }

    @Test
    void activePagesAreCreatedAtDescThenIdDescExclusiveOfTheCursor() {
        Guild g = newGuild();
        List<IpBan> bans = List.of(ban(g, "192.0.2.1/32", T0, Optional.empty()),
                ban(g, "192.0.2.2/32", T0.plusSeconds(1), Optional.empty()),
                ban(g, "192.0.2.3/32", T0.plusSeconds(1), Optional.empty()),
                ban(g, "192.0.2.4/32", T0.plusSeconds(2), Optional.of(T0)));
        run(() -> store.ipBans().insertAll(bans));
        List<IpBan> active = bans.subList(0, 3).stream()
                .sorted(Comparator.comparing(IpBan::createdAt).thenComparing(IpBan::id).reversed()).toList();
        List<IpBan> first = tx(() -> store.ipBans().activePage(g.id(), T0, Optional.empty(), 2));
        assertThat(first).containsExactlyElementsOf(active.subList(0, 2));
        TimeCursor c = new TimeCursor(first.getLast().createdAt().getEpochSecond(), first.getLast().id().value());
        assertThat(tx(() -> store.ipBans().activePage(g.id(), T0, Optional.of(c), 2)))
                .containsExactlyElementsOf(active.subList(2, 3));
    }

    @Test
    void deleteIsScopedToTheGuild() {
        Guild g = newGuild();
        IpBan b = ban(g, "192.0.2.9/32", T0, Optional.empty());
        run(() -> store.ipBans().insertAll(List.of(b)));
        assertThat(tx(() -> store.ipBans().delete(newGuild().id(), b.id()))).isFalse();
        assertThat(tx(() -> store.ipBans().find(newGuild().id(), b.id()))).isEmpty();
        assertThat(tx(() -> store.ipBans().delete(g.id(), b.id()))).isTrue();
        assertThat(tx(() -> store.ipBans().find(g.id(), b.id()))).isEmpty();
    }
}
