package dev.filament.application.guild.port.in;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Objects;

/**
 * Use case: reorder custom roles (SPEC 5.9 {@code POST /guilds/{g}/roles/reorder}). Answered as {@code Accepted};
 * audits {@code role.reorder}; publishes {@code workspace_role_reorder}.
 */
public interface ReorderRolesUseCase {

    /**
     * @throws dev.filament.domain.error.InvalidRequestException 400 list not 1..64 unique roles of G
     * @throws dev.filament.domain.error.ForbiddenException 403 ladder, a role not manageable or {@code is_system},
     *         list not shorter than H(caller)
     */
    void reorder(ReorderRolesCommand command);

    /** Body {@code {role_ids: [ULID]}}. */
    record ReorderRolesCommand(UserId user, GuildId guild, List<RoleId> roleIds) {
        public ReorderRolesCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(guild, "guild");
            roleIds = List.copyOf(roleIds);
        }
    }
}
