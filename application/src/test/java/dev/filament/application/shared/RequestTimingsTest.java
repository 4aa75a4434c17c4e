package dev.filament.application.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.RequestTimings.Phase;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class RequestTimingsTest {

    static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            LockSupport.parkNanos(100_000);
        }
    }

    @Test
    void recordsPhasesOnlyWhileARecordingIsOpen() {
        RequestTimings timings = new RequestTimings();
        assertThat(timings.time(Phase.DB, () -> 7)).isEqualTo(7); // nothing open: just runs
        try (RequestTimings.Recording r = timings.open()) {
            timings.time(Phase.DB, () -> spin(3_000_000));
            timings.time(Phase.DB, () -> spin(2_000_000));
            assertThat(r.millis(Phase.DB)).isGreaterThanOrEqualTo(5.0);
            assertThat(r.millis(Phase.FANOUT)).isZero();
        }
        try (RequestTimings.Recording next = timings.open()) {
            assertThat(next.millis(Phase.DB)).as("a new request starts from zero").isZero();
        }
    }
}
