package dev.filament.application.search.port.out;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import java.time.Instant;
import java.util.Optional;

/** Test view of one {@code search_outbox} row, as contract suites inspect it. */
public record OutboxEntry(long id, GuildId guild, String op, Optional<MessageId> message, int attempts,
                          Instant enqueuedAt, Instant nextAttemptAt) {
    public static final String UPSERT = "upsert";
    public static final String REBUILD = "rebuild";

    OutboxEntry failed(Instant now) {
        long delay = Math.min(1L << Math.min(attempts, 30), 60);
        return new OutboxEntry(id, guild, op, message, attempts + 1, enqueuedAt, now.plusSeconds(delay));
    }
}
