package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.AssignRoleUseCase;
import dev.filament.application.guild.port.in.RoleAssignmentCommand;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.policy.GuildQuotas;
import dev.filament.domain.guild.policy.RoleAssignmentPolicy;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link AssignRoleUseCase}; the 16-assignment cap is checked under the target's membership row lock. */
public final class AssignRoleService implements AssignRoleUseCase {
    private final GuildKit kit;

    public AssignRoleService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public void assign(RoleAssignmentCommand c) {
        Instant now = kit.now();
        boolean assigned = kit.store().tx(() -> {
            RoleAssignmentServices.Loaded loaded = RoleAssignmentServices.load(kit, c);
            RoleAssignmentPolicy.canAssign(loaded.access().actor(), loaded.role()).orThrow();
            RoleAssignmentServices.requireMember(kit, c);
            var current = kit.store().roles().assignmentsOf(c.guild(), c.target());
            if (current.contains(c.role())) {
                return false;
            }
            GuildQuotas.roomForAssignment(current.size()).orThrow();
            kit.store().roles().assign(c.guild(), c.role(), c.target(), now);
            kit.audits().write(c.guild(), c.user(), Optional.of(c.target()), AuditAction.ROLE_ASSIGN, now,
                    "role_id", c.role().value());
            return true;
        });
        if (assigned) {
            RoleAssignmentServices.afterCommit(kit, c, "workspace_role_assignment_add", "assigned_at_unix", now);
        }
    }
}
