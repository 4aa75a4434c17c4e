package dev.filament.application.guild.port.in;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.Objects;

/** Path of {@code /guilds/{g}/roles/{r}/members/{u}}: caller, guild, role and target user. */
public record RoleAssignmentCommand(UserId user, GuildId guild, RoleId role, UserId target) {
    public RoleAssignmentCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(target, "target");
    }
}
