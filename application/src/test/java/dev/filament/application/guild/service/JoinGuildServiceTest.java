package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.JoinGuildUseCase.JoinGuildCommand;
import dev.filament.application.guild.port.in.JoinGuildUseCase.Joined;
import dev.filament.application.guild.port.in.JoinGuildUseCase;
import dev.filament.application.identity.fakes.RecordingIpObservationRecorder;
import dev.filament.application.shared.RateLimiter;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.error.RateLimitedException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.GuildBan;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.directory.JoinOutcome;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.Cidr;
import dev.filament.domain.ratelimit.LimitPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JoinGuildServiceTest {
    private final GuildFixture f = new GuildFixture();
    private final RecordingIpObservationRecorder observations = new RecordingIpObservationRecorder();
    private RateLimiter ipLimiter = new RateLimiter(LimitPolicy.slidingWindow("directory_join_ip", 60, 60), f.clock);
    private RateLimiter userLimiter =
            new RateLimiter(LimitPolicy.slidingWindow("directory_join_user", 30, 60), f.clock);
    private final UserId owner = f.newUser();
    private final Guild open = f.newGuild(owner, Visibility.PUBLIC);
    private final Guild closed = f.newGuild(f.newUser(), Visibility.PRIVATE);

    private JoinGuildUseCase service() {
        return f.graph.joinGuild(ipLimiter, userLimiter, observations);
    }

    private Joined join(UserId user, Guild guild) {
        return service().join(new JoinGuildCommand(user, GuildFixture.IP, guild.id()));
    }

    private AuditEntry lastAudit() {
        return f.db.auditRows().getLast();
    }

    @Test
    void acceptedInsertsMembershipWithDefaultRole_auditsAndPublishesWithoutActor() {
        var welcome = f.customRole(open.id(), 2);
        f.store.tx(() -> {
            f.store.guilds().update(f.store.guilds().find(open.id()).orElseThrow()
                    .withDefaultJoinRole(Optional.of(welcome.id())));
            return null;
        });
        UserId u = f.newUser();
        assertThat(join(u, open)).isEqualTo(new Joined(open.id(), JoinOutcome.ACCEPTED));
        assertThat(f.store.tx(() -> f.store.roles().assignmentsOf(open.id(), u))).containsExactly(welcome.id());
        assertThat(lastAudit().action()).isEqualTo(AuditAction.DIRECTORY_JOIN_ACCEPTED);
        assertThat(lastAudit().actor()).isEqualTo(u);
        assertThat(lastAudit().target()).contains(u);
        assertThat(lastAudit().details()).isEqualTo(new AuditDetails.JoinAttempt("accepted", "peer"));
        assertThat(f.handOffs.events("workspace_member_add")).singleElement()
                .satisfies(e -> assertThat(e.payloadJson()).doesNotContain("actor_user_id"));
        assertThat(observations.observations()).singleElement()
                .satisfies(o -> assertThat(o.userId()).isEqualTo(u));
        assertThat(f.handOffs.handedOffInsideTransaction()).isFalse();
    }

    @Test
    void alreadyMemberIs200WithAuditAndNoEvent() {
        UserId u = f.newUser();
        join(u, open);
        f.handOffs.clear();
        assertThat(join(u, open).outcome()).isEqualTo(JoinOutcome.ALREADY_MEMBER);
        assertThat(lastAudit().action()).isEqualTo(AuditAction.DIRECTORY_JOIN_ACCEPTED);
        assertThat(lastAudit().details()).isEqualTo(new AuditDetails.JoinAttempt("already_member", "peer"));
        assertThat(f.handOffs.log()).isEmpty();
    }

    @Test
    void privateGuildIs404WithVisibilityAudit_unknownGuildIs404WithoutAudit() {
        UserId u = f.newUser();
        assertThatThrownBy(() -> join(u, closed)).isInstanceOf(NotFoundException.class);
        assertThat(lastAudit().action()).isEqualTo(AuditAction.DIRECTORY_JOIN_REJECTED_VISIBILITY);
        assertThat(lastAudit().guildId()).isEqualTo(closed.id());
        int rows = f.db.auditRows().size();
        assertThatThrownBy(() -> service().join(new JoinGuildCommand(u, GuildFixture.IP, f.ids.newGuildId())))
                .isInstanceOf(NotFoundException.class);
        assertThat(f.db.auditRows()).hasSize(rows);
        assertThat(f.store.tx(() -> f.store.members().isMember(closed.id(), u))).isFalse();
    }

    @Test
    void userBanBeatsIpBanAndBothAreAuditedWithTheirCodes() {
        UserId banned = f.newUser();
        f.store.tx(() -> f.store.bans().insertIfAbsent(new GuildBan(open.id(), banned, Optional.empty(),
                f.clock.instant())));
        f.store.tx(() -> {
            f.store.ipBans().insertAll(List.of(new IpBan(f.ids.newIpBanId(), open.id(),
                    Cidr.parse("203.0.113.0/24").orElseThrow(), Optional.empty(), "", owner, f.clock.instant(),
                    Optional.empty())));
            return null;
        });
        assertThatThrownBy(() -> join(banned, open)).isInstanceOf(ForbiddenException.class)
                .hasFieldOrPropertyWithValue("code", "directory_join_user_banned");
        assertThat(lastAudit().action()).isEqualTo(AuditAction.DIRECTORY_JOIN_REJECTED_USER_BAN);
        UserId other = f.newUser();
        assertThatThrownBy(() -> join(other, open)).isInstanceOf(ForbiddenException.class)
                .hasFieldOrPropertyWithValue("code", "directory_join_ip_banned");
        assertThat(lastAudit().action()).isEqualTo(AuditAction.DIRECTORY_JOIN_REJECTED_IP_BAN);
        assertThat(lastAudit().ipBanMatch()).isTrue();
        assertThat(f.db.auditRows()).noneMatch(e -> e.action() == AuditAction.MODERATION_IP_BAN_HIT);
        assertThat(f.store.tx(() -> f.store.members().isMember(open.id(), other))).isFalse();
        assertThat(f.handOffs.log()).isEmpty();
        assertThat(service().join(new JoinGuildCommand(other, GuildFixture.ip("198.51.100.1"), open.id())).outcome())
                .isEqualTo(JoinOutcome.ACCEPTED);
    }

    @Test
    void ipLimiterIsCheckedFirstAndItsHitStaysRecordedWhenTheUserLimiterRejects() {
        ipLimiter = new RateLimiter(LimitPolicy.slidingWindow("directory_join_ip", 3, 60), f.clock);
        userLimiter = new RateLimiter(LimitPolicy.slidingWindow("directory_join_user", 1, 60), f.clock);
        UserId u = f.newUser();
        join(u, open);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> join(u, open)).isInstanceOf(RateLimitedException.class)
                    .hasFieldOrPropertyWithValue("policy", "directory_join_user");
        }
        assertThatThrownBy(() -> join(f.newUser(), open)).isInstanceOf(RateLimitedException.class)
                .hasFieldOrPropertyWithValue("policy", "directory_join_ip");
        assertThat(observations.observations()).hasSize(1);
        assertThat(f.db.auditRows()).hasSize(1);
    }

    @Test
    void failingObservationNeverFailsTheJoin() {
        observations.failFromNowOn();
        assertThat(join(f.newUser(), open).outcome()).isEqualTo(JoinOutcome.ACCEPTED);
        assertThat(f.handOffs.log()).contains("failed:ip_observation");
    }
}
