package dev.filament.application.guild.port.in;

/**
 * Use case: assign a role to a member (SPEC 5.9 {@code POST /guilds/{g}/roles/{r}/members/{u}}). Answered as
 * {@code Accepted}; audits {@code role.assign} and publishes {@code workspace_role_assignment_add} unless it was
 * already assigned.
 */
public interface AssignRoleUseCase {

    /**
     * @throws dev.filament.domain.error.NotFoundException 404 role not in G, target not a member
     * @throws dev.filament.domain.error.InvalidRequestException 400 {@code @everyone} or {@code member}
     * @throws dev.filament.domain.error.ForbiddenException 403 ladder, {@code workspace_owner} by a non server owner,
     *         not manageable, escalation
     * @throws dev.filament.domain.error.ConflictException 409 {@code quota_exceeded} at 16 assignments
     */
    void assign(RoleAssignmentCommand command);
}
