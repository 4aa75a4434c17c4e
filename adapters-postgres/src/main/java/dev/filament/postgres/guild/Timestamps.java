package dev.filament.postgres.guild;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Converts between domain Instants and the timestamptz values jOOQ binds; stored times are whole seconds. */
final class Timestamps {
    private Timestamps() {
    }

    /** A value to write: truncated to whole seconds (SPEC 1.3). */
    static OffsetDateTime stored(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }

    /** A value to compare against: exact, so "expires after now" means what it says for a fractional now. */
    static OffsetDateTime bound(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The {@code created_at} of a list cursor {@code {created_at_unix}_{id}}. */
    static OffsetDateTime ofUnix(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
