package dev.filament.postgres.blob;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Timestamp conversions of {@code blob_gc}: values written in whole seconds (SPEC 1.3), compared exactly. */
final class BlobGcTimes {
    private BlobGcTimes() {
    }

    static OffsetDateTime stored(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }

    static OffsetDateTime bound(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
