package dev.filament.micrometer;

import dev.filament.application.guild.port.out.HandOffFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A failed post-commit hand-off is logged and counted; it never changes the response (SPEC 1.11 W3). */
public final class LoggingHandOffFailures implements HandOffFailures {
    private static final Logger LOG = LoggerFactory.getLogger("filament.handoff");
    private final MeterRegistry registry;

    public LoggingHandOffFailures(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void failed(String handOff, RuntimeException error) {
        Counter.builder("filament.handoff.failures").tag("hand_off", handOff).register(registry).increment();
        LOG.atWarn().addKeyValue("event", "handoff.failed").addKeyValue("hand_off", handOff)
                .addKeyValue("error", error.getClass().getSimpleName()).log("post-commit hand-off failed");
    }
}
