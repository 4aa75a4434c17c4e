package dev.filament.application.guild.port.in;

import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Optional;

/** Use case: the roles of a guild (SPEC 5.9 {@code GET /guilds/{g}/roles}), for any member. */
public interface ListRolesUseCase {

    RolesResult list(UserId user, GuildId guild);

    /** {@code {roles: [Role], default_join_role_id: ULID|null}}; roles {@code position DESC, created_at, role_id}. */
    record RolesResult(List<Role> roles, Optional<RoleId> defaultJoinRoleId) {
        public RolesResult {
            roles = List.copyOf(roles);
        }
    }
}
