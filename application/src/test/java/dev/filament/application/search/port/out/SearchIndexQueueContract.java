package dev.filament.application.search.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link SearchIndexQueue}: {@code wake()} never blocks and never throws, also from many threads at once.
 * Implementations whose consumer can be stuck make {@link #queue()} return one whose consumer is stuck.
 */
public abstract class SearchIndexQueueContract {
    /** Separates "returned" from "blocked": a wake that waited on the indexer would never return. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    protected abstract SearchIndexQueue queue();

    @Test
    void tenThousandWakes_completeWellUnderASecond() {
        SearchIndexQueue queue = queue();
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            queue.wake();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    @Test
    void concurrentWakes_allReturn() throws Exception {
        SearchIndexQueue queue = queue();
        CompletableFuture<?>[] callers = new CompletableFuture<?>[8];
        for (int t = 0; t < callers.length; t++) {
            callers[t] = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 1_000; i++) {
                    queue.wake();
                }
            });
        }
        assertThat(CompletableFuture.allOf(callers)).succeedsWithin(BOUND.multipliedBy(5));
        assertThat(callers).allSatisfy(caller -> assertThat(caller).isCompleted().isNotCompletedExceptionally());
    }
}
