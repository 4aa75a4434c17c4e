package dev.filament.micrometer;

import dev.filament.application.search.port.out.SearchMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/** Search indexer meters of SPEC 14.2: batches by outcome, and the last observed backlog and lag. */
public final class MicrometerSearchMetrics implements SearchMetrics {
    private final MeterRegistry registry;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong lagSeconds = new AtomicLong();

    public MicrometerSearchMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("filament.search.backlog", backlog, AtomicLong::get).description("search outbox rows")
                .register(registry);
        Gauge.builder("filament.search.lag.seconds", lagSeconds, AtomicLong::get)
                .description("age of the oldest outbox row").register(registry);
    }

    @Override
    public void batchFinished(BatchOutcome outcome) {
        Counter.builder("filament.search.index.batches").tag("outcome", outcome.label()).register(registry)
                .increment();
    }

    @Override
    public void backlogObserved(long rows, long lag) {
        backlog.set(rows);
        lagSeconds.set(lag);
    }
}
