package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.ChannelName;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contract every {@link AccessLoader} keeps. */
public abstract class AccessLoaderContract extends GuildPortContractSupport {

    @Test
    void guildSnapshotHoldsTheGuildAndEveryRole() {
        Guild g = newGuild();
        var snapshot = tx(() -> store.access().guild(g.id())).orElseThrow();
        assertThat(snapshot.guild()).isEqualTo(g);
        assertThat(snapshot.roles().count()).isEqualTo(4);
        assertThat(snapshot.roles().seeded(SystemRoleKey.WORKSPACE_OWNER)).isEqualTo(
                seeded(g, SystemRoleKey.WORKSPACE_OWNER));
        assertThat(tx(() -> store.access().guild(ids.newGuildId()))).isEmpty();
    }

    @Test
    void membershipIsTheExplicitAssignmentsOrEmptyForANonMember() {
        Guild g = newGuild();
        UserId m = newMember(g);
        assertThat(tx(() -> store.access().membership(g.id(), m))).contains(List.of());
        assertThat(tx(() -> store.access().membership(g.id(), g.createdBy())))
                .contains(List.of(seeded(g, SystemRoleKey.WORKSPACE_OWNER).id()));
        assertThat(tx(() -> store.access().membership(g.id(), createUser()))).isEmpty();
    }

    @Test
    void membershipsAnswersLikeMembershipForEveryUser_inOneCall() {
        Guild g = newGuild();
        UserId plain = newMember(g);
        UserId nonMember = createUser();
        Guild other = newGuild();
        UserId elsewhere = newMember(other);
        List<UserId> asked = List.of(plain, g.createdBy(), nonMember, elsewhere, plain);

        var found = tx(() -> store.access().memberships(g.id(), asked));

        assertThat(found).containsOnlyKeys(plain, g.createdBy());
        for (UserId user : asked) {
            assertThat(Optional.ofNullable(found.get(user))).as("user %s", user)
                    .isEqualTo(tx(() -> store.access().membership(g.id(), user)));
        }
        assertThat(tx(() -> store.access().memberships(g.id(), List.of()))).isEmpty();
    }

    @Test
    void membershipsRefusesMoreThanTheBatchBound() {
        Guild g = newGuild();
        List<UserId> tooMany = java.util.stream.IntStream.rangeClosed(0, AccessLoader.MAX_BATCH)
                .mapToObj(i -> ids.newUserId()).toList();
        assertThatThrownBy(() -> tx(() -> store.access().memberships(g.id(), tooMany)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void channelSnapshotHoldsItsOverridesAndIsScopedToTheGuild() {
        Guild g = newGuild();
        Channel c = new Channel(ids.newChannelId(), g.id(), ChannelName.of("c"), ChannelKind.TEXT, T0);
        ChannelOverride row = ChannelOverride.forRole(seeded(g, SystemRoleKey.MEMBER).id(),
                PermissionSet.NONE, PermissionSet.of(Permission.CREATE_MESSAGE));
        run(() -> {
            store.channels().insert(c);
            store.channels().upsertOverride(g.id(), c.id(), row, T0);
        });
        var snapshot = tx(() -> store.access().channel(g.id(), c.id())).orElseThrow();
        assertThat(snapshot.channel()).isEqualTo(c);
        assertThat(snapshot.overrides()).containsExactly(row);
        assertThat(tx(() -> store.access().channel(newGuild().id(), c.id()))).isEmpty();
    }
}
