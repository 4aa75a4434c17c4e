package dev.filament.http.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Micrometer meters of the HTTP edge (SPEC 14.2): request histogram and edge counters. Thread-safe. */
public final class HttpMetrics {
    private final MeterRegistry registry;
    private final Duration[] buckets;

    public HttpMetrics(MeterRegistry registry, Duration requestTimeout) {
        this.registry = registry;
        this.buckets = buckets(requestTimeout);
    }

    /** Buckets from 1 ms up to the request budget (SPEC 16.14). */
    static Duration[] buckets(Duration max) {
        long[] ms = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 120000, 300000, 600000};
        List<Duration> out = new ArrayList<>();
        for (long m : ms) {
            if (m < max.toMillis()) {
                out.add(Duration.ofMillis(m));
            }
        }
        out.add(max);
        return out.toArray(Duration[]::new);
    }

    public void recordRequest(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .serviceLevelObjectives(buckets)
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    public void rateLimitHit(String limiter) {
        counter("filament.rate_limit.hits", "limiter", limiter).increment();
    }

    public void requestTimeout(String route) {
        counter("filament.request.timeouts", "route", route).increment();
    }

    public void dbUnavailable(String kind) {
        counter("filament.db.unavailable", "kind", kind).increment();
    }

    /** A connection closed at the edge (SPEC 2.1): {@code process}, {@code peer} or {@code head_timeout}. */
    public void connectionRejected(String reason) {
        counter("filament.connections.rejected", "reason", reason).increment();
    }

    private Counter counter(String name, String tag, String value) {
        return Counter.builder(name).tag(tag, value).register(registry);
    }
}
