package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.GuildBan;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.id.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract every {@link BanRepository} keeps. */
public abstract class BanRepositoryContract extends GuildPortContractSupport {

    @Test
    void insertIfAbsentKeepsTheFirstRowAndDeleteReportsAbsence() {
        Guild g = newGuild();
        UserId u = createUser();
        UserId by = createUser();
        GuildBan first = new GuildBan(g.id(), u, Optional.of(by), T0);
        assertThat(tx(() -> store.bans().insertIfAbsent(first))).isTrue();
        assertThat(tx(() -> store.bans().insertIfAbsent(new GuildBan(g.id(), u, Optional.empty(),
                T0.plusSeconds(9))))).isFalse();
        assertThat(tx(() -> store.bans().page(g.id(), Optional.empty(), 10))).containsExactly(first);
        assertThat(tx(() -> store.bans().isBanned(g.id(), u))).isTrue();
        assertThat(tx(() -> store.bans().isBanned(newGuild().id(), u))).isFalse();
        assertThat(tx(() -> store.bans().delete(g.id(), u))).isTrue();
        assertThat(tx(() -> store.bans().delete(g.id(), u))).isFalse();
        assertThat(tx(() -> store.bans().isBanned(g.id(), u))).isFalse();
    }

    @Test
    void pagesAreCreatedAtDescThenUserIdDescAndExclusiveOfTheCursor() {
        Guild g = newGuild();
        List<GuildBan> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            GuildBan b = new GuildBan(g.id(), createUser(), Optional.empty(), T0.plusSeconds(i % 3));
            tx(() -> store.bans().insertIfAbsent(b));
            all.add(b);
        }
        all.sort(Comparator.comparing(GuildBan::createdAt).thenComparing(GuildBan::user).reversed());
        List<GuildBan> first = tx(() -> store.bans().page(g.id(), Optional.empty(), 3));
        assertThat(first).containsExactlyElementsOf(all.subList(0, 3));
        TimeCursor after = first.getLast().cursor();
        assertThat(tx(() -> store.bans().page(g.id(), Optional.of(after), 10)))
                .containsExactlyElementsOf(all.subList(3, 6));
    }
}
