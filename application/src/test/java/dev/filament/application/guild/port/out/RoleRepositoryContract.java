package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.ChannelName;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.ColorHex;
import dev.filament.domain.guild.role.CustomPosition;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.RoleName;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract every {@link RoleRepository} keeps. */
public abstract class RoleRepositoryContract extends GuildPortContractSupport {

    private Role custom(Guild g, int position, String name) {
        return Role.createCustom(ids.newRoleId(), g.id(), RoleName.of(name), CustomPosition.of(position),
                PermissionSet.of(Permission.PUBLISH_VIDEO), Optional.of(ColorHex.of("#ABCDEF")));
    }

    @Test
    void listIsPositionDescThenCreatedAtThenIdAndRoundTripsEveryField() {
        Guild g = newGuild();
        Role later = custom(g, 50, "later");
        Role earlier = custom(g, 50, "earlier");
        run(() -> store.roles().insert(later, T0.plusSeconds(2)));
        run(() -> store.roles().insert(earlier, T0.plusSeconds(1)));
        List<Role> roles = tx(() -> store.roles().listOf(g.id()));
        assertThat(roles).hasSize(6);
        assertThat(roles.subList(2, 4)).containsExactly(earlier, later);
        assertThat(tx(() -> store.roles().listOf(newGuild().id()))).doesNotContain(earlier);
    }

    @Test
    void updateWritesNamePositionPermissionsAndColour() {
        Guild g = newGuild();
        Role r = custom(g, 5, "r");
        run(() -> store.roles().insert(r, T0));
        Role changed = r.renamed(RoleName.of("s")).atPosition(7).withPermissions(PermissionSet.NONE)
                .withColor(Optional.empty());
        run(() -> store.roles().update(changed));
        assertThat(tx(() -> store.roles().listOf(g.id()))).contains(changed).doesNotContain(r);
    }

    @Test
    void assignmentsAreIdempotentSortedAndCounted() {
        Guild g = newGuild();
        UserId a = newMember(g);
        UserId b = newMember(g);
        Role r1 = custom(g, 5, "r1");
        Role r2 = custom(g, 6, "r2");
        run(() -> { store.roles().insert(r1, T0); store.roles().insert(r2, T0); });
        assertThat(tx(() -> store.roles().assign(g.id(), r2.id(), a, T0))).isTrue();
        assertThat(tx(() -> store.roles().assign(g.id(), r1.id(), a, T0))).isTrue();
        assertThat(tx(() -> store.roles().assign(g.id(), r1.id(), a, T0))).isFalse();
        assertThat(tx(() -> store.roles().assign(g.id(), r1.id(), b, T0))).isTrue();
        List<RoleId> sorted = List.of(r1.id(), r2.id()).stream().sorted().toList();
        assertThat(tx(() -> store.roles().assignmentsOf(g.id(), a))).containsExactlyElementsOf(sorted);
        assertThat(tx(() -> store.roles().assignmentsOf(g.id(), List.of(a, b, createUser()))))
                .containsOnlyKeys(a, b);
        assertThat(tx(() -> store.roles().countHolders(g.id(), r1.id()))).isEqualTo(2);
        assertThat(tx(() -> store.roles().holdersOfAny(g.id(), List.of(r2.id())))).containsExactly(a);
        assertThat(tx(() -> store.roles().unassign(g.id(), r1.id(), a))).isTrue();
        assertThat(tx(() -> store.roles().unassign(g.id(), r1.id(), a))).isFalse();
        assertThat(tx(() -> store.roles().assignmentsOf(g.id(), a))).containsExactly(r2.id());
    }

    @Test
    void deleteRemovesAssignmentsOverridesAndTheDefaultJoinRole() {
        Guild g = newGuild();
        UserId a = newMember(g);
        Role r = custom(g, 5, "r");
        Channel c = new Channel(ids.newChannelId(), g.id(), ChannelName.of("c"), ChannelKind.TEXT, T0);
        run(() -> {
            store.roles().insert(r, T0);
            store.roles().assign(g.id(), r.id(), a, T0);
            store.channels().insert(c);
            store.channels().upsertOverride(g.id(), c.id(), ChannelOverride.forRole(r.id(), PermissionSet.NONE,
                    PermissionSet.of(Permission.CREATE_MESSAGE)), T0);
            store.guilds().update(g.withDefaultJoinRole(Optional.of(r.id())));
        });
        run(() -> store.roles().delete(g.id(), r.id()));
        assertThat(tx(() -> store.roles().listOf(g.id()))).doesNotContain(r);
        assertThat(tx(() -> store.roles().assignmentsOf(g.id(), a))).isEmpty();
        assertThat(tx(() -> store.channels().overridesOf(c.id()))).isEmpty();
        assertThat(tx(() -> store.guilds().find(g.id())).orElseThrow().defaultJoinRole()).isEmpty();
    }
}
