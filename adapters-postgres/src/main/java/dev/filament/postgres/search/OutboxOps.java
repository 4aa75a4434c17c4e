package dev.filament.postgres.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The {@code search_outbox.op} values and the timestamp conversions the search adapters share. */
final class OutboxOps {
    static final String UPSERT = "upsert";
    static final String REBUILD = "rebuild";

    private OutboxOps() {
    }

    /** A value to write: whole seconds (SPEC 1.3). */
    static OffsetDateTime stored(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }

    /** A value to compare against: exact. */
    static OffsetDateTime bound(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
