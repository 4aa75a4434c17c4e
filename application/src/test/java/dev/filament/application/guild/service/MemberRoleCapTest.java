package dev.filament.application.guild.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.guild.port.in.UpdateMemberRoleUseCase.UpdateMemberRoleCommand;
import dev.filament.application.guild.port.in.UpdateMemberRoleUseCase;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.UserId;
import org.junit.jupiter.api.Test;

/**
 * Issue #12 item 6 (SPEC 6.1): {@code PATCH /guilds/{g}/members/{u}} to {@code moderator} adds an explicit
 * assignment, so it obeys the 16-assignment cap of assign (the race with assign is proven on PostgreSQL).
 */
class MemberRoleCapTest {
    private final GuildFixture f = new GuildFixture();
    private final UpdateMemberRoleUseCase updateRole = f.graph.updateMemberRole();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);

    private UserId memberWithAssignments(int count) {
        UserId m = f.newMember(guild.id());
        for (int i = 0; i < count; i++) {
            f.assign(guild.id(), f.customRole(guild.id(), 1 + i), m);
        }
        return m;
    }

    private void promote(UserId target) {
        updateRole.update(new UpdateMemberRoleCommand(new MemberCommand(owner, guild.id(), target),
                LegacyRole.MODERATOR));
    }

    @Test
    void givenSixteenAssignments_patchToModerator_is409QuotaExceededAndWritesNothing() {
        UserId full = memberWithAssignments(16);
        f.handOffs.clear();
        String before = f.db.fingerprint();

        assertThatThrownBy(() -> promote(full)).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "quota_exceeded");

        assertThat(f.db.fingerprint()).isEqualTo(before);
        assertThat(f.store.tx(() -> f.store.roles().assignmentsOf(guild.id(), full))).hasSize(16);
        assertThat(f.db.auditRows()).isEmpty();
        assertThat(f.handOffs.log()).isEmpty();
    }

    @Test
    void givenFifteenAssignments_patchToModerator_takesTheSixteenth() {
        UserId m = memberWithAssignments(15);
        promote(m);
        assertThat(f.store.tx(() -> f.store.roles().assignmentsOf(guild.id(), m))).hasSize(16)
                .contains(f.seeded(guild.id(), SystemRoleKey.MODERATOR).id());
    }

    @Test
    void givenSixteenAssignmentsIncludingModerator_patchToMember_stillRemovesIt() {
        UserId m = memberWithAssignments(15);
        f.assign(guild.id(), f.seeded(guild.id(), SystemRoleKey.MODERATOR), m);
        updateRole.update(new UpdateMemberRoleCommand(new MemberCommand(owner, guild.id(), m), LegacyRole.MEMBER));
        assertThat(f.store.tx(() -> f.store.roles().assignmentsOf(guild.id(), m))).hasSize(15);
    }
}
