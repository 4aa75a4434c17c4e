package dev.filament.application.guild.port.in;

import dev.filament.domain.guild.role.LegacyRole;
import java.util.Objects;

/**
 * Use case: set a member's legacy role (SPEC 6.1 {@code PATCH /guilds/{g}/members/{u}}). Answered as
 * {@code Accepted}; audits {@code member.role.update} and publishes {@code workspace_member_update} unless unchanged.
 */
public interface UpdateMemberRoleUseCase {

    /**
     * @throws dev.filament.domain.error.ForbiddenException 403 ladder, no role management, owner involved, rank
     * @throws dev.filament.domain.error.NotFoundException 404 target not a member
     */
    void update(UpdateMemberRoleCommand command);

    /** Body {@code {role: "owner"|"moderator"|"member"}}. */
    record UpdateMemberRoleCommand(MemberCommand target, LegacyRole role) {
        public UpdateMemberRoleCommand {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(role, "role");
        }
    }
}
