package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.ChannelName;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.access.OverrideTargetKind;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract every {@link ChannelRepository} keeps. */
public abstract class ChannelRepositoryContract extends GuildPortContractSupport {

    private Channel channel(Guild g, Instant at, ChannelKind kind) {
        Channel c = new Channel(ids.newChannelId(), g.id(), ChannelName.of(" c "), kind, at);
        run(() -> store.channels().insert(c));
        return c;
    }

    @Test
    void channelsRoundTripAreScopedToTheirGuildAndListOldestFirst() {
        Guild g = newGuild();
        Channel later = channel(g, T0.plusSeconds(9), ChannelKind.VOICE);
        Channel a = channel(g, T0, ChannelKind.TEXT);
        Channel b = channel(g, T0, ChannelKind.TEXT);
        Guild other = newGuild();
        assertThat(tx(() -> store.channels().find(g.id(), later.id()))).contains(later);
        assertThat(tx(() -> store.channels().find(other.id(), later.id()))).isEmpty();
        assertThat(tx(() -> store.channels().count(g.id()))).isEqualTo(3);
        assertThat(tx(() -> store.channels().listOf(g.id()))).containsExactly(a, b, later);
        assertThat(tx(() -> store.channels().listOf(other.id()))).isEmpty();
    }

    @Test
    void overridesUpsertReplaceAndDelete() {
        Guild g = newGuild();
        Channel c = channel(g, T0, ChannelKind.TEXT);
        Channel d = channel(g, T0, ChannelKind.TEXT);
        UserId u = createUser();
        ChannelOverride role = ChannelOverride.forRole(seeded(g, SystemRoleKey.EVERYONE).id(),
                PermissionSet.NONE, PermissionSet.of(Permission.CREATE_MESSAGE));
        ChannelOverride member = ChannelOverride.forMember(u, PermissionSet.of(Permission.CREATE_MESSAGE),
                PermissionSet.NONE);
        run(() -> {
            store.channels().upsertOverride(g.id(), c.id(), role, T0);
            store.channels().upsertOverride(g.id(), c.id(), member, T0);
            store.channels().upsertOverride(g.id(), d.id(), member, T0);
        });
        assertThat(tx(() -> store.channels().overridesOf(c.id()))).containsExactlyInAnyOrder(role, member);
        ChannelOverride replaced = ChannelOverride.forMember(u, PermissionSet.NONE,
                PermissionSet.of(Permission.PUBLISH_VIDEO));
        run(() -> store.channels().upsertOverride(g.id(), c.id(), replaced, T0.plusSeconds(1)));
        assertThat(tx(() -> store.channels().overridesOf(c.id()))).containsExactlyInAnyOrder(role, replaced);
        var byChannel = tx(() -> store.channels().overridesOfGuild(g.id()));
        assertThat(byChannel).containsOnlyKeys(c.id(), d.id());
        assertThat(byChannel.get(d.id())).containsExactly(member);
        assertThat(tx(() -> store.channels().deleteOverride(c.id(), OverrideTargetKind.MEMBER, u.value()))).isTrue();
        assertThat(tx(() -> store.channels().deleteOverride(c.id(), OverrideTargetKind.MEMBER, u.value()))).isFalse();
        assertThat(tx(() -> store.channels().overridesOf(c.id()))).containsExactly(role);
    }
}
