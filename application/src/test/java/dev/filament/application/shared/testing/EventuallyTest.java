package dev.filament.application.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final Duration SHORT = Duration.ofMillis(30);

    @Test
    void until_returnsOnceTheConditionHolds() {
        AtomicInteger calls = new AtomicInteger();

        Eventually.until("the third call", PATIENCE, () -> calls.incrementAndGet() >= 3);

        assertThat(calls).hasValue(3);
    }

    @Test
    void until_failsAfterItsBound_namingWhatItWaitedFor() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> Eventually.until("pigs fly", SHORT, () -> false))
                .isInstanceOf(AssertionError.class).hasMessageContaining("pigs fly");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(SHORT);
    }

    @Test
    void untilAnAnswer_returnsTheAcceptedAnswer_andNamesTheLastOneOnTimeout() {
        AtomicInteger calls = new AtomicInteger();

        assertThat(Eventually.until("five", PATIENCE, calls::incrementAndGet, n -> n == 5)).isEqualTo(5);
        assertThatThrownBy(() -> Eventually.until("never", SHORT, () -> "no", "yes"::equals))
                .isInstanceOf(AssertionError.class).hasMessageContaining("never").hasMessageContaining("last answer: no");
    }

    @Test
    void retrying_retriesTheGivenException_andReturnsTheFirstResult() throws IOException {
        AtomicInteger calls = new AtomicInteger();

        String result = Eventually.retrying("the third call", PATIENCE, IOException.class, () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IOException("not yet");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
    }

    @Test
    void retrying_passesAnyOtherExceptionAtOnce() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> Eventually.retrying("x", PATIENCE, IOException.class, () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("broken");
        })).isInstanceOf(IllegalStateException.class).hasMessage("broken");
        assertThat(calls).hasValue(1);
    }

    @Test
    void retrying_failsAfterItsBound_withTheLastFailureAsCause() {
        assertThatThrownBy(() -> Eventually.retrying("it works", SHORT,
                List.of(IOException.class, AssertionError.class), () -> {
                    throw new IOException("still down");
                })).isInstanceOf(AssertionError.class).hasMessageContaining("it works")
                .cause().isInstanceOf(IOException.class).hasMessage("still down");
    }
}
