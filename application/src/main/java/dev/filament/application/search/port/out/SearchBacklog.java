package dev.filament.application.search.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The outbox backlog (SPEC 10.2.5, 14.4): how many rows wait and when the oldest was enqueued. */
public record SearchBacklog(long rows, Optional<Instant> oldestEnqueuedAt) {
    public SearchBacklog {
        Objects.requireNonNull(oldestEnqueuedAt, "oldestEnqueuedAt");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0");
        }
        if (rows == 0 && oldestEnqueuedAt.isPresent()) {
            throw new IllegalArgumentException("oldestEnqueuedAt must be empty when rows is 0");
        }
    }

    public static SearchBacklog empty() {
        return new SearchBacklog(0, Optional.empty());
    }

    /** Whole seconds since the oldest row was enqueued; 0 for an empty backlog or a clock behind the row. */
    public long oldestAgeSeconds(Instant now) {
        return oldestEnqueuedAt.map(t -> Math.max(0, Duration.between(t, now).toSeconds())).orElse(0L);
    }
}
