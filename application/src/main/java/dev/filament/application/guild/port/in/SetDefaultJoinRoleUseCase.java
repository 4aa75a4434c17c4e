package dev.filament.application.guild.port.in;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: set or clear the role every new member gets (SPEC 5.9 {@code POST /guilds/{g}/roles/default}).
 * Answered as {@code Accepted}; audits {@code role.default_join.update}; no event.
 */
public interface SetDefaultJoinRoleUseCase {

    /**
     * @throws dev.filament.domain.error.InvalidRequestException 400 role not in G, {@code is_system} or {@code member}
     * @throws dev.filament.domain.error.ForbiddenException 403 ladder or not manageable
     */
    void set(SetDefaultJoinRoleCommand command);

    /** Body {@code {role_id: ULID|null}}: empty clears. */
    record SetDefaultJoinRoleCommand(UserId user, GuildId guild, Optional<RoleId> role) {
        public SetDefaultJoinRoleCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(role, "role");
        }
    }
}
