package dev.filament.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.testing.Eventually;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DispatchQueueTest {

    @Test
    void offer_isRefusedAtCapacity_andAcceptedAgainAfterAPoll() {
        DispatchQueue<String> q = new DispatchQueue<>(2);

        assertThat(q.offer("a")).isTrue();
        assertThat(q.offer("b")).isTrue();
        assertThat(q.offer("c")).isFalse();
        assertThat(q.size()).isEqualTo(2);
        assertThat(q.poll(0)).isEqualTo("a");
        assertThat(q.offer("d")).isTrue();
        assertThat(q.poll(0)).isEqualTo("b");
        assertThat(q.poll(0)).isEqualTo("d");
        assertThat(q.poll(0)).isNull();
        assertThat(q.size()).isZero();
    }

    @Test
    @Timeout(30)
    void parkedConsumer_isWokenByAnOffer_longBeforeItsTimeout() throws Exception {
        DispatchQueue<String> q = new DispatchQueue<>(8);
        CompletableFuture<String> taken = new CompletableFuture<>();
        // parkNanos may return early (spuriously), so one poll can answer null before the offer: poll again until
        // the item or the deadline. A lost wake still leaves the consumer parked for 10 minutes.
        Thread consumer = Thread.ofPlatform().daemon().start(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            String item = null;
            while (item == null && System.nanoTime() < deadline) {
                item = q.poll(TimeUnit.MINUTES.toNanos(10));
            }
            taken.complete(item);
        });
        try {
            // offer only once the consumer is parked, so the offer has to wake it rather than be found by a poll
            Eventually.until("the consumer is parked in poll", Duration.ofSeconds(10),
                    () -> LockSupport.getBlocker(consumer) == q);

            q.offer("wake");

            assertThat(taken.get(10, TimeUnit.SECONDS)).isEqualTo("wake");
        } finally {
            consumer.interrupt();
        }
    }
}
