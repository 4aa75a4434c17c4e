package dev.filament.http.routes;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.filament.application.shared.port.out.ReadinessCheck;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs the readiness checks of SPEC 14.4 in parallel and answers within a fixed bound whatever they do. */
public final class Readiness implements AutoCloseable {
    private final List<ReadinessCheck> checks;
    private final Duration bound;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public Readiness(List<ReadinessCheck> checks, Duration bound) {
        this.checks = List.copyOf(checks);
        this.bound = bound;
    }

    /** Outcome: overall readiness and the body's {@code checks} object, keyed by check name in check order. */
    public record Report(boolean ready, Map<String, CheckBody> checks) {
        public Report {
            checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        }
    }

    /**
     * One entry of {@code checks}: {@code status} ({@code "ok"|"degraded"}) first, then the check's own fields,
     * written inline by Jackson.
     */
    public record CheckBody(String status, @JsonUnwrapped ReadinessCheck.Details details) {
        static CheckBody of(ReadinessCheck.Result r) {
            return new CheckBody(r.ok() ? "ok" : "degraded", r.details());
        }
    }

    public Report run() {
        Map<String, CompletableFuture<ReadinessCheck.Result>> running = new LinkedHashMap<>();
        for (ReadinessCheck c : checks) {
            running.put(c.name(), CompletableFuture.supplyAsync(c::check, executor)
                    .completeOnTimeout(new ReadinessCheck.Result(false, ReadinessCheck.Unanswered.TIMEOUT),
                            bound.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(e -> new ReadinessCheck.Result(false, ReadinessCheck.Unanswered.FAILED)));
        }
        Map<String, CheckBody> body = new LinkedHashMap<>();
        boolean ready = true;
        for (Map.Entry<String, CompletableFuture<ReadinessCheck.Result>> e : running.entrySet()) {
            ReadinessCheck.Result r = e.getValue().join();
            ready &= r.ok();
            body.put(e.getKey(), CheckBody.of(r));
        }
        return new Report(ready, body);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
