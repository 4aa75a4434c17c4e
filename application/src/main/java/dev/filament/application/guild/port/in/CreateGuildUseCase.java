package dev.filament.application.guild.port.in;

import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.id.UserId;
import java.util.Objects;
import java.util.Optional;

/** Use case: create a guild with its seeded roles, owned by the caller (SPEC 5.7 {@code POST /guilds}). */
public interface CreateGuildUseCase {

    /**
     * Returns the new guild, answered as {@code Guild = {guild_id, name, visibility}}.
     *
     * @throws dev.filament.domain.error.InvalidRequestException 400 for a bad name
     * @throws dev.filament.domain.error.ForbiddenException 403 {@code guild_creation_limit_reached}
     */
    Guild create(CreateGuildCommand command);

    /** Body {@code {name, visibility?}}; the name is checked by the use case (400). */
    record CreateGuildCommand(UserId user, String name, Optional<Visibility> visibility) {
        public CreateGuildCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(visibility, "visibility");
        }
    }
}
