package dev.filament.application.guild.port.in;

/**
 * Use case: delete a custom role with its assignments and overrides (SPEC 5.9 {@code DELETE /guilds/{g}/roles/{r}}).
 * Answered as {@code Accepted}; audits {@code role.delete}; publishes {@code workspace_role_delete}.
 */
public interface DeleteRoleUseCase {

    /**
     * @throws dev.filament.domain.error.NotFoundException 404 role not in G
     * @throws dev.filament.domain.error.ForbiddenException 403 ladder, seeded role, not manageable
     */
    void delete(RoleCommand command);
}
