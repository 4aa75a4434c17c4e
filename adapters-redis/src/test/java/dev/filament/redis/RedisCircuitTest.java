package dev.filament.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RedisCircuitTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger closed = new AtomicInteger();
    private final RedisCircuit circuit = new RedisCircuit(now::get, closed::incrementAndGet);

    @Test
    void threeConsecutiveFailuresOpenItForOneSecondThenOneProbeDecides() {
        circuit.failure("timeout");
        circuit.failure("timeout");
        circuit.success();
        circuit.failure("error");
        circuit.failure("error");
        assertThat(circuit.allow()).as("a success in between resets the count").isTrue();
        circuit.failure("error");
        assertThat(circuit.isOpen()).isTrue();
        assertThat(circuit.allow()).isFalse();
        now.addAndGet(RedisCircuit.OPEN_NANOS);
        assertThat(circuit.allow()).as("the probe").isTrue();
        assertThat(circuit.allow()).as("only one probe").isFalse();
        circuit.failure("timeout");
        assertThat(circuit.allow()).as("a failed probe opens it for another second").isFalse();
        now.addAndGet(RedisCircuit.OPEN_NANOS);
        assertThat(circuit.allow()).isTrue();
        circuit.success();
        assertThat(circuit.isOpen()).isFalse();
        assertThat(closed).hasValue(1);
        assertThat(circuit.allow()).isTrue();
    }
}
