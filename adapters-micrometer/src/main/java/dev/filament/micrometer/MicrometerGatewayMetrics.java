package dev.filament.micrometer;

import dev.filament.application.gateway.port.out.GatewayMetrics;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.DropReason;
import dev.filament.domain.gateway.ResumeOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** Gateway meters of SPEC 14.2 on Micrometer. Labels are fixed vocabularies (scope, type, reason), never client text. */
public final class MicrometerGatewayMetrics implements GatewayMetrics {
    private final MeterRegistry registry;
    private final DistributionSummary outboundDepth;

    public MicrometerGatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.outboundDepth = DistributionSummary.builder("filament.gateway.outbound.queue.depth")
                .description("per-connection outbound queue depth, sampled at each enqueue")
                .serviceLevelObjectives(1, 8, 32, 64, 128, 192, 256).register(registry);
    }

    @Override
    public void eventEmitted(String scope, String eventType) {
        Counter.builder("filament.gateway.events.emitted").tags("scope", scope, "event_type", eventType)
                .register(registry).increment();
    }

    @Override
    public void eventDropped(String scope, String eventType, DropReason reason) {
        Counter.builder("filament.gateway.events.dropped")
                .tags("scope", scope, "event_type", eventType, "reason", reason.label())
                .register(registry).increment();
    }

    @Override
    public void disconnected(CloseReason reason) {
        Counter.builder("filament.ws.disconnects").tag("reason", reason.reason()).register(registry).increment();
    }

    @Override
    public void outboundQueueDepth(int depth) {
        outboundDepth.record(depth);
    }

    // Strong references: Micrometer holds a gauge's object weakly by default, and the suppliers bound here are
    // method references nobody else keeps, so a weak gauge read NaN after the first GC (#12 item 13).
    @Override
    public void bindConnections(IntSupplier connections) {
        Gauge.builder("filament.gateway.connections", connections, IntSupplier::getAsInt).strongReference(true)
                .description("open gateway connections of this process").register(registry);
    }

    @Override
    public void bindDispatchQueueDepth(IntSupplier depth) {
        Gauge.builder("filament.gateway.dispatch.queue.depth", depth, IntSupplier::getAsInt).strongReference(true)
                .description("events and commands waiting in the dispatch queue").register(registry);
    }

    @Override
    public void resume(ResumeOutcome outcome) {
        Counter.builder("filament.gateway.resumes").tag("outcome", outcome.label()).register(registry).increment();
    }

    @Override
    public void bindDetachedSessions(IntSupplier detached) {
        Gauge.builder("filament.gateway.detached.sessions", detached, IntSupplier::getAsInt).strongReference(true)
                .description("detached gateway sessions waiting for a resume (SPEC 9.11)").register(registry);
    }

    @Override
    public void bindReplayBufferBytes(LongSupplier bytes) {
        Gauge.builder("filament.gateway.replay.buffer.bytes", bytes, LongSupplier::getAsLong).strongReference(true)
                .description("serialized bytes referenced by the gateway replay buffers")
                .register(registry);
    }
}
