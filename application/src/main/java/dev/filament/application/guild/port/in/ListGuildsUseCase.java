package dev.filament.application.guild.port.in;

import dev.filament.domain.guild.Guild;
import dev.filament.domain.id.UserId;
import java.util.List;

/** Use case: the guilds the caller is a member of (SPEC 5.7 {@code GET /guilds}). */
public interface ListGuildsUseCase {
    int MAX_GUILDS = 200;

    /** Answered as {@code {guilds: [Guild]}}, newest first, at most 200. */
    List<Guild> list(UserId user);
}
