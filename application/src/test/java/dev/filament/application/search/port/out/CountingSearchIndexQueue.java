package dev.filament.application.search.port.out;

import java.util.concurrent.atomic.AtomicLong;

/** Fake {@link SearchIndexQueue}: counts wakes, for use case tests that assert the post-commit hand-off. */
public final class CountingSearchIndexQueue implements SearchIndexQueue {
    private final AtomicLong wakes = new AtomicLong();

    @Override
    public void wake() {
        wakes.incrementAndGet();
    }

    public long wakes() {
        return wakes.get();
    }
}
