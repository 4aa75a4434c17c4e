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

    /**
     * The {@code created_at} of a list cursor {@code {created_at_unix}_{id}}, which may be any int64 (SPEC 1.9). Times
     * outside years 1..9999 are clamped to that range, which PostgreSQL and {@link Instant} both hold: no stored row
     * lies outside it, so "rows older than the cursor" keeps its meaning (every row for a far-future cursor, none for a
     * far-past one) instead of failing on an out-of-range timestamp.
     */
    static OffsetDateTime ofUnix(long epochSecond) {
        long clamped = Math.clamp(epochSecond, FIRST_CURSOR_SECOND, LAST_CURSOR_SECOND);
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(clamped), ZoneOffset.UTC);
    }

    /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
    static final long FIRST_CURSOR_SECOND = -62_135_596_800L;
    static final long LAST_CURSOR_SECOND = 253_402_300_799L;

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
