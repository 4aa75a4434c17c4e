package dev.filament.http.gateway;

import dev.filament.domain.id.IdGenerator;
import java.util.concurrent.atomic.AtomicLong;

/** Distinct, valid, increasing ULIDs for tests. */
final class TestIds implements IdGenerator {
    private static final AtomicLong COUNTER = new AtomicLong();

    static String ulid() {
        return String.format("01J%023d", COUNTER.incrementAndGet());
    }

    @Override
    public String next() {
        return ulid();
    }
}
