package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.AssignRoleUseCase;
import dev.filament.application.guild.port.in.RoleAssignmentCommand;
import dev.filament.application.guild.port.out.RoleRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.policy.GuildQuotas;
import dev.filament.domain.guild.policy.RoleAssignmentPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Implements {@link AssignRoleUseCase}: the target's rank is checked under the guild row lock, the 16-assignment cap
 * under the target's membership row lock.
 */
public final class AssignRoleService implements AssignRoleUseCase {
    private final UnitOfWork tx;
    private final RoleRepository roles;
    private final RoleAssignments assignments;
    private final Audits audits;
    private final Clock clock;

    public AssignRoleService(UnitOfWork tx, RoleRepository roles, RoleAssignments assignments, Audits audits,
                             Clock clock) {
        this.tx = tx;
        this.roles = roles;
        this.assignments = assignments;
        this.audits = audits;
        this.clock = clock;
    }

    @Override
    public void assign(RoleAssignmentCommand c) {
        Instant now = StoredTime.now(clock);
        boolean assigned = tx.inTransaction(() -> {
            RoleAssignments.Loaded loaded = assignments.load(c);
            RoleAssignmentPolicy.canAssign(loaded.access().actor(), loaded.role(),
                    assignments.target(loaded, c)).orThrow();
            assignments.requireMember(c);
            var current = roles.assignmentsOf(c.guild(), c.target());
            if (current.contains(c.role())) {
                return false;
            }
            GuildQuotas.roomForAssignment(current.size()).orThrow();
            roles.assign(c.guild(), c.role(), c.target(), now);
            audits.write(c.guild(), c.user(), Optional.of(c.target()), AuditAction.ROLE_ASSIGN, now,
                    new AuditDetails.RoleRef(c.role().value()));
            return true;
        });
        if (assigned) {
            assignments.afterAssign(c, now);
        }
    }
}
