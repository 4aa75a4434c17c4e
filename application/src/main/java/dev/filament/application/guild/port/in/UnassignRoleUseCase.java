package dev.filament.application.guild.port.in;

/**
 * Use case: remove a role from a member (SPEC 5.9 {@code DELETE /guilds/{g}/roles/{r}/members/{u}}). Answered as
 * {@code Accepted}; audits {@code role.unassign} and publishes {@code workspace_role_assignment_remove} unless it was
 * not assigned.
 */
public interface UnassignRoleUseCase {

    /**
     * @throws dev.filament.domain.error.NotFoundException 404 role not in G, target not a member
     * @throws dev.filament.domain.error.InvalidRequestException 400 {@code @everyone} or {@code member}
     * @throws dev.filament.domain.error.ForbiddenException 403 as assign without the mask rule, or the last
     *         {@code workspace_owner}
     */
    void unassign(RoleAssignmentCommand command);
}
