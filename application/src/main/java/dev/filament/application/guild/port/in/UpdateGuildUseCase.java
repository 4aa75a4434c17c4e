package dev.filament.application.guild.port.in;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.Objects;
import java.util.Optional;

/** Use case: rename a guild or change its visibility (SPEC 5.7 {@code PATCH /guilds/{g}}). */
public interface UpdateGuildUseCase {

    /**
     * Returns the guild after the change ({@code Guild}); publishes {@code workspace_update} with the changed fields.
     *
     * @throws dev.filament.domain.error.NotFoundException 404 unknown guild
     * @throws dev.filament.domain.error.ForbiddenException 403 not a member or without {@code manage_roles}
     * @throws InvalidRequestException 400 bad name
     */
    Guild update(UpdateGuildCommand command);

    /** Body {@code {name?, visibility?}}: at least one key (400 on construction). */
    record UpdateGuildCommand(UserId user, GuildId guild, Optional<String> name, Optional<Visibility> visibility) {
        public UpdateGuildCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(guild, "guild");
            if (name.isEmpty() && visibility.isEmpty()) {
                throw new InvalidRequestException("at least one of name, visibility is required");
            }
        }
    }
}
