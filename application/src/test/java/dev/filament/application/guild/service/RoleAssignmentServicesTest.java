package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.AssignRoleUseCase;
import dev.filament.application.guild.port.in.RoleAssignmentCommand;
import dev.filament.application.guild.port.in.UnassignRoleUseCase;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleAssignmentServicesTest {
    private final GuildFixture f = new GuildFixture();
    private final AssignRoleUseCase assign = f.graph.assignRole();
    private final UnassignRoleUseCase unassign = f.graph.unassignRole();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);
    private final UserId manager = f.memberWith(guild.id(), 50, Permission.MANAGE_MEMBER_ROLES,
            Permission.CREATE_MESSAGE, Permission.PUBLISH_VIDEO);

    private void assign(UserId actor, Role role, UserId target) {
        assign.assign(new RoleAssignmentCommand(actor, guild.id(), role.id(), target));
    }

    private void unassign(UserId actor, Role role, UserId target) {
        unassign.unassign(new RoleAssignmentCommand(actor, guild.id(), role.id(), target));
    }

    @Test
    void assignWritesAuditEventRevalidationOnce_andRepeatingIsANoOp() {
        Role r = f.customRole(guild.id(), 10, Permission.PUBLISH_VIDEO);
        UserId m = f.newMember(guild.id());
        assign(manager, r, m);
        assertThat(f.store.tx(() -> f.store.roles().assignmentsOf(guild.id(), m))).containsExactly(r.id());
        assertThat(f.db.auditRows().getLast().action()).isEqualTo(AuditAction.ROLE_ASSIGN);
        assertThat(f.db.auditRows().getLast().target()).contains(m);
        assertThat(f.handOffs.log()).containsExactly("publish:workspace_role_assignment_add",
                "revalidate:" + guild.id(), "voice.reevaluate:" + guild.id());
        assertThat(f.handOffs.events().getFirst().payloadJson()).contains("\"assigned_at_unix\":");
        int audits = f.db.auditRows().size();
        f.handOffs.clear();
        assign(manager, r, m);
        assertThat(f.db.auditRows()).hasSize(audits);
        assertThat(f.handOffs.log()).isEmpty();
    }

    @Test
    void noEscalation_cannotAssignRolesWithBitsYouLackOrAtOrAboveYou() {
        Role banner = f.customRole(guild.id(), 10, Permission.BAN_MEMBER);
        Role peer = f.customRole(guild.id(), 50);
        UserId m = f.newMember(guild.id());
        UserId stranger = f.newUser();
        String before = f.db.fingerprint();
        assertThatThrownBy(() -> assign(manager, banner, m)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> assign(manager, peer, m)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> assign(manager, f.seeded(guild.id(), SystemRoleKey.MODERATOR), m))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> assign(owner, f.seeded(guild.id(), SystemRoleKey.WORKSPACE_OWNER), m))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> assign(owner, f.seeded(guild.id(), SystemRoleKey.MEMBER), m))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> assign(owner, peer, stranger)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> assign.assign(new RoleAssignmentCommand(owner, guild.id(), f.ids.newRoleId(), m)))
                .isInstanceOf(NotFoundException.class);
        assertThat(f.db.fingerprint()).isEqualTo(before);
        assertThat(f.handOffs.log()).isEmpty();
    }

    @Test
    void givenSixteenAssignments_assign_is409AndWritesNothing() {
        UserId m = f.newMember(guild.id());
        for (int i = 0; i < 16; i++) {
            f.assign(guild.id(), f.customRole(guild.id(), 1 + i), m);
        }
        Role one = f.customRole(guild.id(), 20);
        String before = f.db.fingerprint();
        assertThatThrownBy(() -> assign(owner, one, m)).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "quota_exceeded");
        assertThat(f.db.fingerprint()).isEqualTo(before);
    }

    @Test
    void onlyTheServerOwnerManagesWorkspaceOwnerAndTheLastOneStays() {
        UserId serverOwner = f.ids.newUserId();
        GuildFixture s = new GuildFixture(GuildSettings.defaults().withServerOwner(serverOwner));
        s.db.addUser(serverOwner);
        UserId wsOwner = s.newUser();
        Guild gg = s.newGuild(wsOwner);
        Role wo = s.seeded(gg.id(), SystemRoleKey.WORKSPACE_OWNER);
        AssignRoleUseCase a = s.graph.assignRole();
        UnassignRoleUseCase u = s.graph.unassignRole();
        assertThatThrownBy(() -> u.unassign(new RoleAssignmentCommand(wsOwner, gg.id(), wo.id(), wsOwner)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> u.unassign(new RoleAssignmentCommand(serverOwner, gg.id(), wo.id(), wsOwner)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("last workspace owner");
        UserId second = s.newMember(gg.id());
        a.assign(new RoleAssignmentCommand(serverOwner, gg.id(), wo.id(), second));
        u.unassign(new RoleAssignmentCommand(serverOwner, gg.id(), wo.id(), wsOwner));
        assertThat(s.store.tx(() -> s.store.roles().assignmentsOf(gg.id(), wsOwner))).isEmpty();
        assertThat(s.db.auditRows()).extracting(e -> e.action())
                .containsExactly(AuditAction.ROLE_ASSIGN, AuditAction.ROLE_UNASSIGN);
    }

    @Test
    void unassignRemovesAuditsAndPublishes_notAssignedIsANoOp() {
        Role r = f.customRole(guild.id(), 10);
        UserId m = f.newMember(guild.id());
        unassign(manager, r, m);
        assertThat(f.db.auditRows()).isEmpty();
        assertThat(f.handOffs.log()).isEmpty();
        f.assign(guild.id(), r, m);
        unassign(manager, r, m);
        assertThat(f.store.tx(() -> f.store.roles().assignmentsOf(guild.id(), m))).isEmpty();
        assertThat(f.db.auditRows()).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo(AuditAction.ROLE_UNASSIGN));
        assertThat(f.handOffs.log()).first().isEqualTo("publish:workspace_role_assignment_remove");
        Role peer = f.customRole(guild.id(), 60);
        f.assign(guild.id(), peer, m);
        assertThatThrownBy(() -> unassign(manager, peer, m)).isInstanceOf(ForbiddenException.class);
    }
}
