package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.BanMemberUseCase;
import dev.filament.application.guild.port.in.KickMemberUseCase;
import dev.filament.application.guild.port.in.ListBansUseCase.ListBansQuery;
import dev.filament.application.guild.port.in.ListBansUseCase;
import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.guild.port.in.UnbanUseCase;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.GuildBan;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModerationServicesTest {
    private final GuildFixture f = new GuildFixture();
    private final KickMemberUseCase kick = f.graph.kickMember();
    private final BanMemberUseCase ban = f.graph.banMember();
    private final ListBansUseCase listBans = f.graph.listBans();
    private final UnbanUseCase unban = f.graph.unban();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);
    private final UserId moderator = f.newMember(guild.id(), SystemRoleKey.MODERATOR);

    private AuditEntry lastAudit() {
        return f.db.auditRows().getLast();
    }

    @Test
    void kickRemovesMembershipAndAssignmentsAuditsAndHandsOffInSpecOrder() {
        UserId target = f.memberWith(guild.id(), 10);
        kick.kick(new MemberCommand(moderator, guild.id(), target));
        assertThat(f.store.tx(() -> f.store.members().isMember(guild.id(), target))).isFalse();
        assertThat(f.store.tx(() -> f.store.roles().assignmentsOf(guild.id(), target))).isEmpty();
        assertThat(lastAudit().action()).isEqualTo(AuditAction.MEMBER_KICK);
        assertThat(lastAudit().target()).contains(target);
        assertThat(f.handOffs.log()).containsExactly("publish:workspace_member_remove", "drop:" + target + ":kick",
                "voice.remove:" + target);
        assertThat(f.handOffs.events().getFirst().payloadJson()).contains("\"reason\":\"kick\"");
        assertThat(f.handOffs.handedOffInsideTransaction()).isFalse();
    }

    @Test
    void hierarchy_cannotKickOrBanAtOrAboveYouNorProtectedTargets() {
        UserId otherMod = f.newMember(guild.id(), SystemRoleKey.MODERATOR);
        UserId plain = f.newMember(guild.id());
        UserId lowBanner = f.memberWith(guild.id(), 5, Permission.BAN_MEMBER);
        UserId higher = f.memberWith(guild.id(), 6);
        String before = f.db.fingerprint();
        assertThatThrownBy(() -> kick.kick(new MemberCommand(moderator, guild.id(), otherMod)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ban.ban(new MemberCommand(moderator, guild.id(), otherMod)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> kick.kick(new MemberCommand(moderator, guild.id(), owner)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ban.ban(new MemberCommand(lowBanner, guild.id(), higher)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> kick.kick(new MemberCommand(plain, guild.id(), lowBanner)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> kick.kick(new MemberCommand(moderator, guild.id(), f.ids.newUserId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ban.ban(new MemberCommand(moderator, guild.id(), f.ids.newUserId())))
                .isInstanceOf(NotFoundException.class);
        assertThat(f.db.fingerprint()).isEqualTo(before);
        assertThat(f.handOffs.log()).isEmpty();
    }

    @Test
    void serverOwnerIsProtectedEvenWithoutMembership() {
        UserId serverOwner = f.newUser();
        GuildFixture s = new GuildFixture(GuildSettings.defaults().withServerOwner(serverOwner));
        s.db.addUser(serverOwner);
        UserId o = s.newUser();
        Guild g = s.newGuild(o);
        assertThatThrownBy(() -> s.graph.banMember().ban(new MemberCommand(o, g.id(), serverOwner)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> s.graph.banMember().ban(new MemberCommand(serverOwner, g.id(), o)))
                .isInstanceOf(ForbiddenException.class);
        UserId mod = s.newMember(g.id(), SystemRoleKey.MODERATOR);
        s.graph.banMember().ban(new MemberCommand(serverOwner, g.id(), mod));
        assertThat(s.store.tx(() -> s.store.members().isMember(g.id(), mod))).isFalse();
    }

    @Test
    void banOfAMemberPublishesBanThenRemoveThenDropsAndRemovesVoice() {
        UserId target = f.newMember(guild.id());
        ban.ban(new MemberCommand(moderator, guild.id(), target));
        assertThat(f.store.tx(() -> f.store.bans().isBanned(guild.id(), target))).isTrue();
        assertThat(f.store.tx(() -> f.store.members().isMember(guild.id(), target))).isFalse();
        assertThat(lastAudit().details()).isEqualTo(new AuditDetails.MemberBanned(true));
        assertThat(f.handOffs.log()).containsExactly("publish:workspace_member_ban",
                "publish:workspace_member_remove", "drop:" + target + ":ban", "voice.remove:" + target);
    }

    @Test
    void banOfANonMemberKeepsAnExistingBanRowUnchanged() {
        UserId target = f.newUser();
        ban.ban(new MemberCommand(owner, guild.id(), target));
        GuildBan first = f.store.tx(() -> f.store.bans().page(guild.id(), Optional.empty(), 10)).getFirst();
        assertThat(lastAudit().details()).isEqualTo(new AuditDetails.MemberBanned(false));
        assertThat(f.handOffs.log()).containsExactly("publish:workspace_member_ban", "drop:" + target + ":ban",
                "voice.remove:" + target);
        f.clock.advance(Duration.ofSeconds(5));
        ban.ban(new MemberCommand(moderator, guild.id(), target));
        assertThat(f.store.tx(() -> f.store.bans().page(guild.id(), Optional.empty(), 10))).containsExactly(first);
    }

    @Test
    void failingPublisherNeverChangesTheOutcome() {
        UserId target = f.newMember(guild.id());
        f.handOffs.failPublishing();
        ban.ban(new MemberCommand(moderator, guild.id(), target));
        assertThat(f.store.tx(() -> f.store.bans().isBanned(guild.id(), target))).isTrue();
        assertThat(f.handOffs.log()).containsExactly("failed:gateway.publish", "failed:gateway.publish",
                "drop:" + target + ":ban", "voice.remove:" + target);
    }

    @Test
    void walkingAllBanPagesReturnsEveryBanOnce_forSeveralPageSizes() {
        Random random = new Random(42);
        List<GuildBan> expected = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            UserId u = f.newUser();
            GuildBan b = new GuildBan(guild.id(), u, random.nextBoolean() ? Optional.of(owner) : Optional.empty(),
                    f.clock.instant().plusSeconds(random.nextInt(6)));
            f.store.tx(() -> f.store.bans().insertIfAbsent(b));
            expected.add(b);
        }
        expected.sort(Comparator.comparing((GuildBan b) -> b.createdAt()).thenComparing(GuildBan::user).reversed());
        for (int limit : new int[] {1, 4, 20, 45, 100, 1 + random.nextInt(44)}) {
            List<GuildBan> all = Pagination.walk(limit, (c, l) -> listBans.list(
                    ListBansQuery.parse(moderator, guild.id(), c, OptionalInt.of(l))));
            assertThat(all).containsExactlyElementsOf(expected);
        }
        assertThatThrownBy(() -> ListBansQuery.parse(owner, guild.id(), Optional.of("12_x"), OptionalInt.empty()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ListBansQuery.parse(owner, guild.id(), Optional.empty(), OptionalInt.of(101)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> listBans.list(ListBansQuery.parse(f.newMember(guild.id()), guild.id(),
                Optional.empty(), OptionalInt.empty()))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void unbanDeletesAndAudits_missingBanIs404() {
        UserId target = f.newUser();
        ban.ban(new MemberCommand(owner, guild.id(), target));
        f.handOffs.clear();
        unban.unban(new MemberCommand(moderator, guild.id(), target));
        assertThat(f.store.tx(() -> f.store.bans().isBanned(guild.id(), target))).isFalse();
        assertThat(lastAudit().action()).isEqualTo(AuditAction.MEMBER_UNBAN);
        assertThat(f.handOffs.log()).isEmpty();
        int rows = f.db.auditRows().size();
        assertThatThrownBy(() -> unban.unban(new MemberCommand(moderator, guild.id(), target)))
                .isInstanceOf(NotFoundException.class);
        assertThat(f.db.auditRows()).hasSize(rows);
    }
}
