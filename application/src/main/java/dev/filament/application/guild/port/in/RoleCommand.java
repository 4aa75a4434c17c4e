package dev.filament.application.guild.port.in;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.Objects;

/** The path part shared by the role routes that name one role: caller, guild, role. */
public record RoleCommand(UserId user, GuildId guild, RoleId role) {
    public RoleCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(role, "role");
    }
}
