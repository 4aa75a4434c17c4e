package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.RoleAssignmentCommand;
import dev.filament.application.guild.port.in.UnassignRoleUseCase;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.policy.RoleAssignmentPolicy;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link UnassignRoleUseCase}; the last-owner rule is checked under the guild row lock. */
public final class UnassignRoleService implements UnassignRoleUseCase {
    private final GuildKit kit;

    public UnassignRoleService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public void unassign(RoleAssignmentCommand c) {
        Instant now = kit.now();
        boolean removed = kit.store().tx(() -> {
            RoleAssignmentServices.Loaded loaded = RoleAssignmentServices.load(kit, c);
            RoleAssignmentPolicy.canUnassign(loaded.access().actor(), loaded.role()).orThrow();
            RoleAssignmentServices.requireMember(kit, c);
            if (!kit.store().roles().assignmentsOf(c.guild(), c.target()).contains(c.role())) {
                return false;
            }
            RoleAssignmentPolicy.keepsAWorkspaceOwner(loaded.role(),
                    kit.store().roles().countHolders(c.guild(), c.role())).orThrow();
            kit.store().roles().unassign(c.guild(), c.role(), c.target());
            kit.audits().write(c.guild(), c.user(), Optional.of(c.target()), AuditAction.ROLE_UNASSIGN, now,
                    "role_id", c.role().value());
            return true;
        });
        if (removed) {
            RoleAssignmentServices.afterCommit(kit, c, "workspace_role_assignment_remove", "removed_at_unix", now);
        }
    }
}
