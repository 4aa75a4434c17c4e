package dev.filament.application.search.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountingSearchIndexQueueTest extends SearchIndexQueueContract {

    @Override
    protected SearchIndexQueue queue() {
        return new CountingSearchIndexQueue();
    }

    @Test
    void countsEveryWake() {
        CountingSearchIndexQueue queue = new CountingSearchIndexQueue();
        queue.wake();
        queue.wake();
        assertThat(queue.wakes()).isEqualTo(2);
    }
}
