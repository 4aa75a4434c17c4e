package dev.filament.micrometer;

import dev.filament.application.blob.port.out.BlobGcMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/** Blob collector meters of SPEC 14.2: deletes by outcome and the last observed backlog. */
public final class MicrometerBlobGcMetrics implements BlobGcMetrics {
    private final AtomicLong backlog = new AtomicLong();
    private final Counter ok;
    private final Counter error;

    public MicrometerBlobGcMetrics(MeterRegistry registry) {
        Gauge.builder("filament.blob.gc.backlog", backlog, AtomicLong::get).description("due blob_gc rows")
                .register(registry);
        ok = Counter.builder("filament.blob.gc.deletes").tag("outcome", "ok").register(registry);
        error = Counter.builder("filament.blob.gc.deletes").tag("outcome", "error").register(registry);
    }

    @Override
    public void deletes(int ok, int failed) {
        this.ok.increment(ok);
        this.error.increment(failed);
    }

    @Override
    public void backlog(long rows) {
        backlog.set(rows);
    }
}
