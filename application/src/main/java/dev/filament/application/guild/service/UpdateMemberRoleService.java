package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.guild.port.in.UpdateMemberRoleUseCase;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.guild.port.out.MemberRepository;
import dev.filament.application.guild.port.out.RoleRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.wire.GuildEvent;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.policy.GuildQuotas;
import dev.filament.domain.guild.policy.MemberRolePolicy;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.RoleId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Implements {@link UpdateMemberRoleUseCase} under the guild row lock; adding {@code moderator} also locks the
 * target's membership row and applies the 16-assignment cap, as assign does (SPEC 6.1, 5.9).
 */
public final class UpdateMemberRoleService implements UpdateMemberRoleUseCase {
    private final UnitOfWork tx;
    private final GuildRepository guilds;
    private final MemberRepository members;
    private final RoleRepository roles;
    private final AccessLadder ladder;
    private final Audits audits;
    private final HandOffs handOffs;
    private final Clock clock;

    public UpdateMemberRoleService(UnitOfWork tx, GuildRepository guilds, MemberRepository members,
                                   RoleRepository roles, AccessLadder ladder, Audits audits, HandOffs handOffs,
                                   Clock clock) {
        this.tx = tx;
        this.guilds = guilds;
        this.members = members;
        this.roles = roles;
        this.ladder = ladder;
        this.audits = audits;
        this.handOffs = handOffs;
        this.clock = clock;
    }

    @Override
    public void update(UpdateMemberRoleCommand command) {
        MemberCommand c = command.target();
        Instant now = StoredTime.now(clock);
        boolean changed = tx.inTransaction(() -> {
            GuildAccess access = ladder.guild(c.user(), c.guild());
            guilds.lock(c.guild()).orElseThrow();
            AccessContext target = ladder.contextOf(access.snapshot(), c.target());
            MemberRolePolicy.canSetLegacyRole(access.actor(), target, command.role()).orThrow();
            MemberRolePolicy.Change change = MemberRolePolicy.change(target, command.role());
            if (change == MemberRolePolicy.Change.NONE) {
                return false;
            }
            RoleId moderator = access.roles().seeded(SystemRoleKey.MODERATOR).id();
            LegacyRole from = target.legacyRole();
            if (change == MemberRolePolicy.Change.ADD_MODERATOR) {
                requireRoomForAssignment(c);
                roles.assign(c.guild(), moderator, c.target(), now);
            } else {
                roles.unassign(c.guild(), moderator, c.target());
            }
            audits.write(c.guild(), c.user(), Optional.of(c.target()), AuditAction.MEMBER_ROLE_UPDATE, now,
                    new AuditDetails.MemberRoleChanged(from.wire(), command.role().wire()));
            return true;
        });
        if (changed) {
            handOffs.publishToGuild(c.guild(), new GuildEvent.MemberUpdate(c.guild().value(), c.target().value(),
                    new GuildEvent.MemberFields(command.role().wire()), now.getEpochSecond(),
                    Optional.of(c.user().value())));
            handOffs.revalidate(c.guild());
        }
    }

    /** Locks the target's membership row, then 16 explicit assignments already → 409 {@code quota_exceeded}. */
    private void requireRoomForAssignment(MemberCommand c) {
        if (!members.lock(c.guild(), c.target())) {
            throw new NotFoundException("member");
        }
        GuildQuotas.roomForAssignment(roles.assignmentsOf(c.guild(), c.target()).size()).orThrow();
    }
}
