package dev.filament.http.routes;

import dev.filament.application.shared.port.out.ReadinessCheck;
import java.time.Duration;
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

    /** Outcome: overall readiness and the body's {@code checks} object. */
    public record Report(boolean ready, Map<String, Object> checks) {
    }

    public Report run() {
        Map<String, CompletableFuture<ReadinessCheck.Result>> running = new LinkedHashMap<>();
        for (ReadinessCheck c : checks) {
            running.put(c.name(), CompletableFuture.supplyAsync(c::check, executor)
                    .completeOnTimeout(new ReadinessCheck.Result(false, Map.of("error", "timeout")),
                            bound.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(e -> new ReadinessCheck.Result(false, Map.of("error", "failed"))));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        boolean ready = true;
        for (Map.Entry<String, CompletableFuture<ReadinessCheck.Result>> e : running.entrySet()) {
            ReadinessCheck.Result r = e.getValue().join();
            ready &= r.ok();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("status", r.ok() ? "ok" : "degraded");
            fields.putAll(r.fields());
            body.put(e.getKey(), fields);
        }
        return new Report(ready, body);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
