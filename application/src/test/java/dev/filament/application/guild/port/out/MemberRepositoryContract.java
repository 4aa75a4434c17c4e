package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.MemberEntry;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract every {@link MemberRepository} keeps. */
public abstract class MemberRepositoryContract extends GuildPortContractSupport {

    @Test
    void insertIfAbsentReportsAnExistingMembership() {
        Guild g = newGuild();
        UserId u = createUser();
        assertThat(tx(() -> store.members().isMember(g.id(), u))).isFalse();
        assertThat(tx(() -> store.members().lock(g.id(), u))).isFalse();
        assertThat(tx(() -> store.members().insertIfAbsent(g.id(), u, T0))).isTrue();
        assertThat(tx(() -> store.members().insertIfAbsent(g.id(), u, T0))).isFalse();
        assertThat(tx(() -> store.members().lock(g.id(), u))).isTrue();
        assertThat(tx(() -> store.members().isMember(newGuild().id(), u))).isFalse();
    }

    @Test
    void deleteCascadesToAssignments() {
        Guild g = newGuild();
        UserId u = newMember(g);
        tx(() -> store.roles().assign(g.id(), seeded(g, SystemRoleKey.MODERATOR).id(), u, T0));
        assertThat(tx(() -> store.members().delete(g.id(), u))).isTrue();
        assertThat(tx(() -> store.members().delete(g.id(), u))).isFalse();
        assertThat(tx(() -> store.roles().assignmentsOf(g.id(), u))).isEmpty();
        tx(() -> store.members().insertIfAbsent(g.id(), u, T0));
        assertThat(tx(() -> store.roles().assignmentsOf(g.id(), u))).isEmpty();
    }

    @Test
    void pagesAreUserIdAscendingExclusiveOfTheCursorWithAssignments() {
        Guild g = newGuild();
        List<UserId> all = new ArrayList<>(List.of(g.createdBy()));
        for (int i = 0; i < 5; i++) {
            all.add(newMember(g));
        }
        all.sort(null);
        List<MemberEntry> first = tx(() -> store.members().page(g.id(), Optional.empty(), 4));
        assertThat(first).extracting(MemberEntry::user).containsExactlyElementsOf(all.subList(0, 4));
        List<MemberEntry> rest = tx(() -> store.members().page(g.id(), Optional.of(all.get(3)), 4));
        assertThat(rest).extracting(MemberEntry::user).containsExactlyElementsOf(all.subList(4, 6));
        MemberEntry owner = first.stream().filter(m -> m.user().equals(g.createdBy())).findFirst()
                .or(() -> rest.stream().filter(m -> m.user().equals(g.createdBy())).findFirst()).orElseThrow();
        assertThat(owner.roleIds()).containsExactly(seeded(g, SystemRoleKey.WORKSPACE_OWNER).id());
    }
}
