package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.RoleAssignmentCommand;
import dev.filament.application.guild.port.in.UnassignRoleUseCase;
import dev.filament.application.guild.port.out.RoleRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.policy.RoleAssignmentPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Implements {@link UnassignRoleUseCase}; the target's rank and the last-owner rule are checked under the guild row
 * lock.
 */
public final class UnassignRoleService implements UnassignRoleUseCase {
    private final UnitOfWork tx;
    private final RoleRepository roles;
    private final RoleAssignments assignments;
    private final Audits audits;
    private final Clock clock;

    public UnassignRoleService(UnitOfWork tx, RoleRepository roles, RoleAssignments assignments, Audits audits,
                               Clock clock) {
        this.tx = tx;
        this.roles = roles;
        this.assignments = assignments;
        this.audits = audits;
        this.clock = clock;
    }

    @Override
    public void unassign(RoleAssignmentCommand c) {
        Instant now = StoredTime.now(clock);
        boolean removed = tx.inTransaction(() -> {
            RoleAssignments.Loaded loaded = assignments.load(c);
            RoleAssignmentPolicy.canUnassign(loaded.access().actor(), loaded.role(),
                    assignments.target(loaded, c)).orThrow();
            assignments.requireMember(c);
            if (!roles.assignmentsOf(c.guild(), c.target()).contains(c.role())) {
                return false;
            }
            RoleAssignmentPolicy.keepsAWorkspaceOwner(loaded.role(),
                    roles.countHolders(c.guild(), c.role())).orThrow();
            roles.unassign(c.guild(), c.role(), c.target());
            audits.write(c.guild(), c.user(), Optional.of(c.target()), AuditAction.ROLE_UNASSIGN, now,
                    new AuditDetails.RoleRef(c.role().value()));
            return true;
        });
        if (removed) {
            assignments.afterUnassign(c, now);
        }
    }
}
