package dev.filament.application.guild.port.out;

import dev.filament.domain.id.GuildId;

/**
 * Out-port: the post-commit hand-off asking the background worker to re-evaluate {@code create_message} for every
 * subscription of a guild (SPEC 9.10). Never blocks; requests for one guild coalesce until the worker takes them.
 * May throw only on programming errors; callers treat any failure as a counted hand-off failure.
 */
public interface GuildRevalidation {

    void enqueue(GuildId guild);
}
