package dev.filament.application.guild.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.guild.port.in.AssignRoleUseCase;
import dev.filament.application.guild.port.in.RoleAssignmentCommand;
import dev.filament.application.guild.port.in.UnassignRoleUseCase;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #12 item 5 (SPEC 5.9): assign and unassign respect the target's rank as kick does; a non-owner acting on
 * another member needs H(actor) > H(target). The roles used are ones the actor may manage and hold, so only the
 * target's rank decides.
 */
class RoleAssignmentRankTest {
    private final GuildFixture f = new GuildFixture();
    private final AssignRoleUseCase assign = f.graph.assignRole();
    private final UnassignRoleUseCase unassign = f.graph.unassignRole();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);
    /** A moderator (position 100, holds manage_member_roles). */
    private final UserId moderator = f.newMember(guild.id(), SystemRoleKey.MODERATOR);
    /** A role the moderator may manage (10 < 100) and whose bits it holds. */
    private final Role crew = f.customRole(guild.id(), 10, Permission.CREATE_MESSAGE);

    private void assign(UserId actor, UserId target) {
        assign.assign(new RoleAssignmentCommand(actor, guild.id(), crew.id(), target));
    }

    private void unassign(UserId actor, UserId target) {
        unassign.unassign(new RoleAssignmentCommand(actor, guild.id(), crew.id(), target));
    }

    private List<RoleId> rolesOf(UserId user) {
        return f.store.tx(() -> f.store.roles().assignmentsOf(guild.id(), user));
    }

    @Test
    void aModeratorCannotRemoveARoleFromTheWorkspaceOwner_norFromAHigherOrEqualMember_andNothingIsWritten() {
        UserId higher = f.memberWith(guild.id(), 200);
        UserId peer = f.newMember(guild.id(), SystemRoleKey.MODERATOR);
        for (UserId target : List.of(owner, higher, peer)) {
            f.assign(guild.id(), crew, target);
        }
        f.handOffs.clear();
        String before = f.db.fingerprint();

        for (UserId target : List.of(owner, higher, peer)) {
            assertThatThrownBy(() -> unassign(moderator, target)).isInstanceOf(ForbiddenException.class)
                    .hasFieldOrPropertyWithValue("code", "forbidden");
            assertThat(rolesOf(target)).contains(crew.id());
        }
        assertThat(f.db.fingerprint()).isEqualTo(before);
        assertThat(f.db.auditRows()).isEmpty();
        assertThat(f.handOffs.log()).isEmpty();
    }

    @Test
    void aModeratorCannotAssignARoleToTheWorkspaceOwner_norToAHigherOrEqualMember() {
        UserId higher = f.memberWith(guild.id(), 200);
        UserId peer = f.newMember(guild.id(), SystemRoleKey.MODERATOR);
        f.handOffs.clear();
        String before = f.db.fingerprint();

        for (UserId target : List.of(owner, higher, peer)) {
            assertThatThrownBy(() -> assign(moderator, target)).isInstanceOf(ForbiddenException.class);
            assertThat(rolesOf(target)).doesNotContain(crew.id());
        }
        assertThat(f.db.fingerprint()).isEqualTo(before);
        assertThat(f.handOffs.log()).isEmpty();
    }

    @Test
    void aModeratorManagesLowerMembersAndItself_andTheOwnerManagesEveryone() {
        UserId lower = f.memberWith(guild.id(), 50);
        UserId higher = f.memberWith(guild.id(), 200);

        assign(moderator, lower);
        assign(moderator, moderator);
        unassign(moderator, lower);
        unassign(moderator, moderator);
        assign(owner, higher);
        unassign(owner, higher);

        assertThat(rolesOf(lower)).doesNotContain(crew.id());
        assertThat(f.db.auditRows()).extracting(e -> e.action()).containsExactly(AuditAction.ROLE_ASSIGN,
                AuditAction.ROLE_ASSIGN, AuditAction.ROLE_UNASSIGN, AuditAction.ROLE_UNASSIGN,
                AuditAction.ROLE_ASSIGN, AuditAction.ROLE_UNASSIGN);
    }

    @Test
    void aNonMemberTargetIsStill404_forAModeratorToo() {
        UserId stranger = f.newUser();
        String before = f.db.fingerprint();
        assertThatThrownBy(() -> assign(moderator, stranger)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> unassign(moderator, stranger)).isInstanceOf(NotFoundException.class);
        assertThat(f.db.fingerprint()).isEqualTo(before);
    }
}
