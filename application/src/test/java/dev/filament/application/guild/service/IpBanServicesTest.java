package dev.filament.application.guild.service;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.guild.port.in.CreateIpBansByUserUseCase.CreateIpBansByUserCommand;
import dev.filament.application.guild.port.in.CreateIpBansByUserUseCase.Created;
import dev.filament.application.guild.port.in.CreateIpBansByUserUseCase;
import dev.filament.application.guild.port.in.DeleteIpBanUseCase.DeleteIpBanCommand;
import dev.filament.application.guild.port.in.DeleteIpBanUseCase;
import dev.filament.application.guild.port.in.ListIpBansUseCase.ListIpBansQuery;
import dev.filament.application.guild.port.in.ListIpBansUseCase;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.ipban.InfrastructureNetworks;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.Cidr;
import dev.filament.domain.net.IpAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpBanServicesTest {
    private final GuildFixture f = new GuildFixture(new GuildSettings(Optional.empty(), 5, 100, 6,
            InfrastructureNetworks.of(List.of(Cidr.parse("10.0.0.0/8").orElseThrow()))));
    private final CreateIpBansByUserUseCase create = f.graph.createIpBansByUser();
    private final ListIpBansUseCase list = f.graph.listIpBans();
    private final DeleteIpBanUseCase delete = f.graph.deleteIpBan();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);
    private final UserId moderator = f.newMember(guild.id(), SystemRoleKey.MODERATOR);

    private void seen(UserId user, String address, long secondsAgo) {
        f.db.observe(IpObservation.seen(user, IpAddress.parse(address).orElseThrow(),
                f.clock.instant().minusSeconds(secondsAgo)));
    }

    private Created create(UserId actor, UserId target) {
        return create.create(new CreateIpBansByUserCommand(actor, guild.id(), target, Optional.of("spam"),
                OptionalLong.of(3600)));
    }

    @Test
    void bansEveryObservedNetworkNewestFirst_skippingInfrastructure_auditsAndSyncsTheAudience() {
        UserId target = f.newMember(guild.id());
        seen(target, "198.51.100.9", 10);
        seen(target, "2001:db8:1:2::7", 5);
        seen(target, "10.1.2.3", 1);
        seen(target, "127.0.0.1", 1);
        Created created = create(moderator, target);
        assertThat(created.createdCount()).isEqualTo(2);
        List<IpBan> bans = f.store.tx(() -> f.store.ipBans().active(guild.id(), f.clock.instant()));
        assertThat(bans).extracting(b -> b.network().toString())
                .containsExactlyInAnyOrder("198.51.100.9/32", "2001:db8:1:2:0:0:0:0/64");
        assertThat(bans).allSatisfy(b -> {
            assertThat(b.sourceUser()).contains(target);
            assertThat(b.reason()).isEqualTo("spam");
            assertThat(b.expiresAt()).contains(f.clock.instant().plusSeconds(3600));
        });
        var audit = f.db.auditRows().getLast();
        assertThat(audit.action()).isEqualTo(AuditAction.MODERATION_IP_BAN_ADD);
        assertThat(audit.details()).isEqualTo(new AuditDetails.IpBansAdded(2,
                created.banIds().stream().map(i -> i.value()).toList(), f.clock.instant().getEpochSecond() + 3600));
        GatewayEvent sync = f.handOffs.events("workspace_ip_ban_sync").getFirst();
        assertThat(sync.payloadJson()).contains("\"summary\":{\"action\":\"upsert\",\"changed_count\":2}");
        assertThat(sync.scope()).isEqualTo(GatewayEvent.Scope.guildAudience(guild.id(), java.util.Set.of(owner,
                moderator)));
        Created again = create(moderator, target);
        assertThat(again.createdCount()).isZero();
        assertThat(again.banIds()).isEmpty();
        assertThat(f.handOffs.events("workspace_ip_ban_sync")).hasSize(1);
    }

    @Test
    void nothingObserved_givesZeroAndNoEvent() {
        Created created = create(owner, f.newUser());
        assertThat(created).isEqualTo(new Created(0, List.of()));
        assertThat(f.handOffs.log()).isEmpty();
    }

    @Test
    void overTheCapIs409AndWritesNothing() {
        UserId target = f.newUser();
        for (int i = 1; i <= 7; i++) {
            seen(target, "192.0.2." + i, i);
        }
        String before = f.db.fingerprint();
        // 7 observations, at most max (6) taken, existing active 0 → 6 ≤ 6 is allowed; add one active ban first.
        f.store.tx(() -> {
            f.store.ipBans().insertAll(List.of(new IpBan(f.ids.newIpBanId(), guild.id(),
                    Cidr.parse("203.0.113.0/24").orElseThrow(), Optional.empty(), "", owner, f.clock.instant(),
                    Optional.empty())));
            return null;
        });
        String withOne = f.db.fingerprint();
        assertThat(withOne).isNotEqualTo(before);
        assertThatThrownBy(() -> create(owner, target)).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "quota_exceeded");
        assertThat(f.db.fingerprint()).isEqualTo(withOne);
        assertThat(f.handOffs.log()).isEmpty();
    }

    @Test
    void rejections_writeNothing() {
        UserId otherMod = f.newMember(guild.id(), SystemRoleKey.MODERATOR);
        UserId plain = f.newMember(guild.id());
        seen(otherMod, "198.51.100.1", 1);
        String before = f.db.fingerprint();
        assertThatThrownBy(() -> create(moderator, otherMod)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> create(moderator, owner)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> create(plain, otherMod)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> create(owner, f.ids.newUserId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> create.create(new CreateIpBansByUserCommand(owner, guild.id(), otherMod,
                Optional.of("  "), OptionalLong.empty()))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> create.create(new CreateIpBansByUserCommand(owner, guild.id(), otherMod,
                Optional.empty(), OptionalLong.of(15_552_001)))).isInstanceOf(InvalidRequestException.class);
        assertThat(f.db.fingerprint()).isEqualTo(before);
    }

    @Test
    void walkingAllPagesReturnsEveryActiveBanOnce_andDeleteWorksOnExpiredBans() {
        GuildFixture g = new GuildFixture();
        UserId o = g.newUser();
        Guild gg = g.newGuild(o);
        Random random = new Random(7);
        List<IpBan> active = new ArrayList<>();
        List<IpBan> expired = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            boolean isExpired = random.nextInt(5) == 0;
            IpBan b = new IpBan(g.ids.newIpBanId(), gg.id(), Cidr.parse("192.0.2." + i + "/32").orElseThrow(),
                    Optional.empty(), i % 2 == 0 ? "" : "r", o, g.clock.instant().minusSeconds(random.nextInt(4)),
                    isExpired ? Optional.of(g.clock.instant()) : Optional.empty());
            (isExpired ? expired : active).add(b);
            g.store.tx(() -> {
                g.store.ipBans().insertAll(List.of(b));
                return null;
            });
        }
        active.sort(Comparator.comparing((IpBan b) -> b.createdAt()).thenComparing(IpBan::id).reversed());
        ListIpBansUseCase l = g.graph.listIpBans();
        for (int limit : new int[] {1, 3, 10, active.size(), 100}) {
            assertThat(Pagination.walk(limit, (c, n) -> l.list(ListIpBansQuery.parse(o, gg.id(), c,
                    OptionalInt.of(n))))).containsExactlyElementsOf(active);
        }
        DeleteIpBanUseCase d = g.graph.deleteIpBan();
        d.delete(new DeleteIpBanCommand(o, gg.id(), expired.getFirst().id()));
        assertThat(g.store.tx(() -> g.store.ipBans().find(gg.id(), expired.getFirst().id()))).isEmpty();
        assertThat(g.handOffs.events("workspace_ip_ban_sync").getFirst().payloadJson())
                .contains("\"summary\":{\"action\":\"remove\",\"changed_count\":1}");
        assertThatThrownBy(() -> d.delete(new DeleteIpBanCommand(o, gg.id(), expired.getFirst().id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteAuditsTheSourceUserAndNeedsManageIpBans() {
        UserId target = f.newUser();
        seen(target, "198.51.100.4", 1);
        Created created = create(owner, target);
        UserId plain = f.memberWith(guild.id(), 3, Permission.CREATE_MESSAGE);
        assertThatThrownBy(() -> delete.delete(new DeleteIpBanCommand(plain, guild.id(), created.banIds().getFirst())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> delete.delete(new DeleteIpBanCommand(owner, guild.id(), f.ids.newIpBanId())))
                .isInstanceOf(NotFoundException.class);
        f.clock.advance(Duration.ofSeconds(1));
        delete.delete(new DeleteIpBanCommand(moderator, guild.id(), created.banIds().getFirst()));
        var audit = f.db.auditRows().getLast();
        assertThat(audit.action()).isEqualTo(AuditAction.MODERATION_IP_BAN_REMOVE);
        assertThat(audit.target()).contains(target);
        assertThat(audit.details()).isEqualTo(new AuditDetails.IpBanRemoved(created.banIds().getFirst().value()));
    }
}
