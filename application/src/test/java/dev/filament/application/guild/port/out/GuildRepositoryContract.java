package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.GuildName;
import dev.filament.domain.guild.PublicGuildQuery;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.UserId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract every {@link GuildRepository} keeps. */
public abstract class GuildRepositoryContract extends GuildPortContractSupport {

    @Test
    void insertWithOwnerStoresGuildSeededRolesMembershipAndOwnerAssignment() {
        UserId owner = createUser();
        Guild g = newGuild(owner, Visibility.PUBLIC, "Cafe", T0);
        assertThat(tx(() -> store.guilds().find(g.id()))).contains(g);
        assertThat(tx(() -> store.guilds().lock(g.id()))).contains(g);
        assertThat(tx(() -> store.roles().listOf(g.id()))).extracting(Role::position)
                .containsExactly(10000, 100, 1, 0);
        assertThat(tx(() -> store.members().isMember(g.id(), owner))).isTrue();
        assertThat(tx(() -> store.roles().assignmentsOf(g.id(), owner)))
                .containsExactly(seeded(g, SystemRoleKey.WORKSPACE_OWNER).id());
    }

    @Test
    void unknownGuildIsAbsent() {
        assertThat(tx(() -> store.guilds().find(ids.newGuildId()))).isEmpty();
        assertThat(tx(() -> store.guilds().lock(ids.newGuildId()))).isEmpty();
    }

    @Test
    void countCreatedByCountsOnlyThatCreator() {
        UserId creator = createUser();
        newGuild(creator, Visibility.PRIVATE, "a", T0);
        newGuild(creator, Visibility.PUBLIC, "b", T0);
        newGuild();
        assertThat(tx(() -> { store.users().lock(creator); return store.guilds().countCreatedBy(creator); }))
                .isEqualTo(2);
        assertThat(tx(() -> store.guilds().countCreatedBy(createUser()))).isZero();
    }

    @Test
    void listForMemberIsNewestFirstThenIdDescAndLimited() {
        UserId user = createUser();
        Guild older = newGuild(user, Visibility.PRIVATE, "old", T0);
        Guild a = newGuild(user, Visibility.PRIVATE, "a", T0.plusSeconds(5));
        Guild b = newGuild(user, Visibility.PRIVATE, "b", T0.plusSeconds(5));
        Guild other = newGuild(Visibility.PRIVATE, "o", T0.minusSeconds(1));
        tx(() -> store.members().insertIfAbsent(other.id(), user, T0));
        Guild first = a.id().compareTo(b.id()) > 0 ? a : b;
        Guild second = first == a ? b : a;
        assertThat(tx(() -> store.guilds().listForMember(user, 10))).containsExactly(first, second, older, other);
        assertThat(tx(() -> store.guilds().listForMember(user, 2))).containsExactly(first, second);
    }

    @Test
    void listPublicMatchesLiteralSubstringsOfPublicGuildsOnly() {
        String token = ids.next().substring(16).toLowerCase();
        Guild pub = newGuild(Visibility.PUBLIC, "Tea_%" + token.toUpperCase(), T0);
        newGuild(Visibility.PRIVATE, "Tea_%" + token, T0);
        Guild decoy = newGuild(Visibility.PUBLIC, "TeaX%" + token, T0.plusSeconds(1));
        assertThat(tx(() -> store.guilds().listPublic(PublicGuildQuery.parse("a_%" + token), 50)))
                .containsExactly(pub);
        assertThat(tx(() -> store.guilds().listPublic(PublicGuildQuery.parse(token), 50))).containsExactly(decoy, pub);
        assertThat(tx(() -> store.guilds().listPublic(PublicGuildQuery.parse(token), 1))).containsExactly(decoy);
    }

    @Test
    void updateWritesNameVisibilityAndDefaultJoinRole() {
        Guild g = newGuild();
        Role mod = seeded(g, SystemRoleKey.MODERATOR);
        Guild changed = g.withName(GuildName.of("renamed")).withVisibility(Visibility.PUBLIC)
                .withDefaultJoinRole(Optional.of(mod.id()));
        run(() -> store.guilds().update(changed));
        assertThat(tx(() -> store.guilds().find(g.id()))).contains(changed);
        run(() -> store.guilds().update(changed.withDefaultJoinRole(Optional.empty())));
        assertThat(tx(() -> store.guilds().find(g.id()))).map(Guild::defaultJoinRole).contains(Optional.empty());
    }
}
