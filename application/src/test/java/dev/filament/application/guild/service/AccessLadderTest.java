package dev.filament.application.guild.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.guild.port.out.AuditLog;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.ipban.InfrastructureNetworks;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.Cidr;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessLadderTest {
    private final GuildFixture f = new GuildFixture();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);

    private AccessLadder ladder() {
        return f.graph.ladder();
    }

    private void ban(String cidr) {
        f.store.tx(() -> {
            f.store.ipBans().insertAll(List.of(new IpBan(f.ids.newIpBanId(), guild.id(), Cidr.parse(cidr).orElseThrow(),
                    Optional.empty(), "", owner, f.clock.instant(), Optional.empty())));
            return null;
        });
    }

    private List<AuditEntry> hits() {
        return f.db.auditRows().stream().filter(e -> e.action() == AuditAction.MODERATION_IP_BAN_HIT).toList();
    }

    @Test
    void unknownGuildIs404AndNonMemberIs403() {
        assertThatThrownBy(() -> f.store.tx(() -> ladder().guild(owner, f.ids.newGuildId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.store.tx(() -> ladder().guild(f.newUser(), guild.id())))
                .isInstanceOf(ForbiddenException.class).hasFieldOrPropertyWithValue("code", "forbidden");
    }

    @Test
    void serverOwnerPassesWithoutMembershipAndHoldsEveryPermission() {
        UserId serverOwner = f.ids.newUserId();
        GuildFixture withOwner = new GuildFixture(GuildSettings.defaults().withServerOwner(serverOwner));
        withOwner.db.addUser(serverOwner);
        Guild other = withOwner.newGuild(withOwner.newUser());
        GuildAccess access = withOwner.store.tx(() -> withOwner.graph.ladder().guild(serverOwner, other.id()));
        assertThat(access.actor().isMember()).isFalse();
        assertThat(access.permissions().permissions().toSet()).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void unknownChannelOrChannelOfAnotherGuildIs404() {
        Guild other = f.newGuild(f.newUser());
        var foreign = f.newChannel(other.id());
        GuildAccess access = f.store.tx(() -> ladder().guild(owner, guild.id()));
        assertThatThrownBy(() -> f.store.tx(() -> ladder().channel(access, foreign.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.store.tx(() -> ladder().channel(access, f.ids.newChannelId())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void guildLevelPermissionMissingIs403() {
        UserId member = f.newMember(guild.id());
        GuildAccess access = f.store.tx(() -> ladder().guild(member, guild.id()));
        assertThatThrownBy(() -> access.require(Permission.MANAGE_ROLES)).isInstanceOf(ForbiddenException.class);
        assertThat(access.require(Permission.CREATE_MESSAGE)).isSameAs(access);
    }

    @Test
    void givenBannedNetwork_screen_is403AndWritesOneHitAuditPer60Seconds() {
        UserId member = f.newMember(guild.id());
        ban("203.0.113.0/24");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> ladder().screen(member, guild.id(), GuildFixture.IP,
                    IpBanSurface.GUILD_CHANNELS_LIST)).isInstanceOf(ForbiddenException.class);
            f.clock.advance(Duration.ofSeconds(20));
        }
        assertThat(hits()).hasSize(1);
        AuditEntry hit = hits().getFirst();
        assertThat(hit.actor()).isEqualTo(member);
        assertThat(hit.target()).contains(member);
        assertThat(hit.details()).isEqualTo(new AuditDetails.IpBanHit("guild.channels.list", "peer"));
        assertThatThrownBy(() -> ladder().screen(member, guild.id(), GuildFixture.IP,
                IpBanSurface.GUILD_CHANNELS_CREATE)).isInstanceOf(ForbiddenException.class);
        assertThat(hits()).hasSize(2);
        f.clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> ladder().screen(member, guild.id(), GuildFixture.IP,
                IpBanSurface.GUILD_CHANNELS_LIST)).isInstanceOf(ForbiddenException.class);
        assertThat(hits()).hasSize(3);
    }

    @Test
    void screenRunsGBeforeIp_aNonMemberOnABannedNetworkGetsNoHitAudit() {
        ban("203.0.113.0/24");
        assertThatThrownBy(() -> ladder().screen(f.newUser(), guild.id(), GuildFixture.IP,
                IpBanSurface.MESSAGES_LIST)).isInstanceOf(ForbiddenException.class);
        assertThat(hits()).isEmpty();
    }

    @Test
    void expiredBansAndOtherNetworksDoNotMatch() {
        UserId member = f.newMember(guild.id());
        f.store.tx(() -> {
            f.store.ipBans().insertAll(List.of(new IpBan(f.ids.newIpBanId(), guild.id(),
                    Cidr.parse("203.0.113.7/32").orElseThrow(), Optional.empty(), "", owner, f.clock.instant(),
                    Optional.of(f.clock.instant()))));
            return null;
        });
        ban("198.51.100.0/24");
        ladder().screen(member, guild.id(), GuildFixture.IP, IpBanSurface.MESSAGES_LIST);
        assertThat(hits()).isEmpty();
    }

    @Test
    void trustedProxyAddressNeverMatches() {
        GuildFixture g = new GuildFixture(new GuildSettings(Optional.empty(), 5, 100, 4096,
                InfrastructureNetworks.of(List.of(Cidr.parse("203.0.113.0/24").orElseThrow()))));
        UserId o = g.newUser();
        Guild gg = g.newGuild(o);
        g.store.tx(() -> {
            g.store.ipBans().insertAll(List.of(new IpBan(g.ids.newIpBanId(), gg.id(),
                    Cidr.parse("203.0.0.0/8").orElseThrow(), Optional.empty(), "", o, g.clock.instant(),
                    Optional.empty())));
            return null;
        });
        g.graph.ladder().screen(o, gg.id(), GuildFixture.IP, IpBanSurface.MESSAGES_CREATE);
        assertThatThrownBy(() -> g.graph.ladder().screen(o, gg.id(), GuildFixture.ip("203.1.2.3"),
                IpBanSurface.MESSAGES_CREATE)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void failingHitAuditStillAnswers403AndIsReported() {
        UserId member = f.newMember(guild.id());
        ban("203.0.113.0/24");
        AuditLog failing = new AuditLog() {
            @Override
            public void append(AuditEntry entry) {
                throw new IllegalStateException("audit down");
            }

            @Override
            public List<AuditEntry> page(dev.filament.domain.id.GuildId g,
                    Optional<dev.filament.domain.guild.TimeCursor> a,
                    Optional<dev.filament.domain.guild.audit.ActionPrefix> p, int l) {
                return List.of();
            }
        };
        var audits = new dev.filament.application.guild.service.Audits(failing, f.ids);
        AccessLadder broken = new AccessLadder(f.store.unitOfWork(), f.store.access(), f.store.ipBans(), f.settings,
                new dev.filament.domain.guild.ipban.IpBanMatch(f.settings.infrastructure()), new IpBanHitThrottle(),
                audits, f.graph.handOffs(), f.clock);
        assertThatThrownBy(() -> broken.screen(member, guild.id(), GuildFixture.IP, IpBanSurface.VOICE_LEAVE))
                .isInstanceOf(ForbiddenException.class).hasFieldOrPropertyWithValue("code", "forbidden");
        assertThat(f.handOffs.log()).contains("failed:audit.ip_ban_hit");
    }

    @Test
    void throttleIsBoundedAndForgetsTheLeastRecentlyUsedKey() {
        IpBanHitThrottle small = new IpBanHitThrottle(2);
        UserId a = f.newUser();
        UserId b = f.newUser();
        UserId c = f.newUser();
        var now = f.clock.instant();
        assertThat(small.tryAcquire(guild.id(), a, IpBanSurface.MESSAGES_LIST, now)).isTrue();
        assertThat(small.tryAcquire(guild.id(), b, IpBanSurface.MESSAGES_LIST, now)).isTrue();
        assertThat(small.tryAcquire(guild.id(), c, IpBanSurface.MESSAGES_LIST, now)).isTrue();
        assertThat(small.size()).isEqualTo(2);
        assertThat(small.tryAcquire(guild.id(), c, IpBanSurface.MESSAGES_LIST, now)).isFalse();
        assertThat(small.tryAcquire(guild.id(), a, IpBanSurface.MESSAGES_LIST, now)).isTrue();
    }
}
