package dev.filament.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
    @Timeout(20)
    void parkedConsumer_isWokenByAnOffer_longBeforeItsTimeout() throws Exception {
        DispatchQueue<String> q = new DispatchQueue<>(8);
        CompletableFuture<String> taken = CompletableFuture.supplyAsync(() -> q.poll(TimeUnit.MINUTES.toNanos(10)));

        q.offer("wake");

        assertThat(taken.get(15, TimeUnit.SECONDS)).isEqualTo("wake");
    }
}
