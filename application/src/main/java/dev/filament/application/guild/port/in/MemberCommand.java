package dev.filament.application.guild.port.in;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.Objects;

/** Path of the member routes {@code /guilds/{g}/members/{u}...}: caller, guild and target user. */
public record MemberCommand(UserId user, GuildId guild, UserId target) {
    public MemberCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(target, "target");
    }
}
