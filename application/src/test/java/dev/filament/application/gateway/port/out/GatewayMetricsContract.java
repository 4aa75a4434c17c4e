package dev.filament.application.gateway.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.DropReason;
import dev.filament.domain.gateway.ResumeOutcome;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link GatewayMetrics}: what each call does to the exposed series of SPEC 14.2. Run by the recording
 * fake and by the registry-backed adapter, each answering the readings through its own registry.
 */
public abstract class GatewayMetricsContract {

    /** A fresh metrics instance with nothing recorded. */
    protected abstract GatewayMetrics metrics();

    /** The value of the counter series {@code name} with exactly {@code tags}; 0 when absent. */
    protected abstract double counter(String name, Map<String, String> tags);

    /** The value of the gauge {@code name} read now. */
    protected abstract double gauge(String name);

    /** How many samples the distribution {@code name} has. */
    protected abstract long distributionCount(String name);

    @Test
    void eventsEmitted_areCountedPerScopeAndType() {
        GatewayMetrics m = metrics();
        m.eventEmitted("channel", "message_create");
        m.eventEmitted("channel", "message_create");
        m.eventEmitted("guild", "presence_update");

        assertThat(counter("filament_gateway_events_emitted_total",
                Map.of("scope", "channel", "event_type", "message_create"))).isEqualTo(2.0);
        assertThat(counter("filament_gateway_events_emitted_total",
                Map.of("scope", "guild", "event_type", "presence_update"))).isEqualTo(1.0);
        assertThat(counter("filament_gateway_events_emitted_total",
                Map.of("scope", "guild", "event_type", "message_create"))).isZero();
    }

    @Test
    void eventsDropped_areCountedPerReasonLabel() {
        GatewayMetrics m = metrics();
        m.eventDropped("channel", "message_create", DropReason.SLOW_CONSUMER);
        m.eventDropped("channel", "message_create", DropReason.DISPATCH_OVERFLOW);
        m.eventDropped("channel", "message_create", DropReason.DISPATCH_OVERFLOW);

        assertThat(counter("filament_gateway_events_dropped_total",
                Map.of("scope", "channel", "event_type", "message_create", "reason", "dispatch_overflow")))
                .isEqualTo(2.0);
        assertThat(counter("filament_gateway_events_dropped_total",
                Map.of("scope", "channel", "event_type", "message_create", "reason", "slow_consumer")))
                .isEqualTo(1.0);
    }

    @Test
    void disconnects_areCountedByCloseReason() {
        GatewayMetrics m = metrics();
        m.disconnected(CloseReason.SLOW_CONSUMER);
        m.disconnected(CloseReason.SERVER_OVERLOADED);
        m.disconnected(CloseReason.SLOW_CONSUMER);

        assertThat(counter("filament_ws_disconnects_total", Map.of("reason", "slow_consumer"))).isEqualTo(2.0);
        assertThat(counter("filament_ws_disconnects_total", Map.of("reason", "server_overloaded"))).isEqualTo(1.0);
    }

    @Test
    void gauges_readTheirSupplierAtReadTime() {
        GatewayMetrics m = metrics();
        AtomicInteger connections = new AtomicInteger(3);
        AtomicInteger depth = new AtomicInteger(7);
        m.bindConnections(connections::get);
        m.bindDispatchQueueDepth(depth::get);
        connections.set(5);
        depth.set(11);

        assertThat(gauge("filament_gateway_connections")).isEqualTo(5.0);
        assertThat(gauge("filament_gateway_dispatch_queue_depth")).isEqualTo(11.0);
    }

    /**
     * #12 item 13: the binding keeps its supplier alive. The realtime core binds method references it keeps no other
     * reference to ({@code registry::connectionCount}); a registry holding them weakly read NaN after the first GC.
     */
    @Test
    void gauges_keepReadingAfterTheCallerDroppedItsSupplierAndGcRan() throws InterruptedException {
        GatewayMetrics m = metrics();
        AtomicInteger connections = new AtomicInteger(1);
        AtomicInteger depth = new AtomicInteger(4);
        bindThroughFreshMethodReferences(m, connections, depth);
        java.lang.ref.WeakReference<Object> canary = new java.lang.ref.WeakReference<>(new Object());
        for (int i = 0; i < 50 && canary.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(canary.get()).as("a GC ran").isNull();
        System.gc();

        assertThat(gauge("filament_gateway_connections")).isEqualTo(1.0);
        assertThat(gauge("filament_gateway_dispatch_queue_depth")).isEqualTo(4.0);
    }

    // Each {@code x::get} is a new object that only the metrics see once this frame returns.
    private static void bindThroughFreshMethodReferences(GatewayMetrics m, AtomicInteger connections,
                                                         AtomicInteger depth) {
        m.bindConnections(connections::get);
        m.bindDispatchQueueDepth(depth::get);
    }

    @Test
    void outboundQueueDepth_recordsOneSamplePerCall() {
        GatewayMetrics m = metrics();
        m.outboundQueueDepth(1);
        m.outboundQueueDepth(200);

        assertThat(distributionCount("filament_gateway_outbound_queue_depth")).isEqualTo(2);
    }

    @Test
    void resumes_areCountedByOutcome_andTheResumeGaugesReadTheirSuppliers() {
        GatewayMetrics m = metrics();
        m.resume(ResumeOutcome.RESUMED);
        m.resume(ResumeOutcome.GAP);
        m.resume(ResumeOutcome.RESUMED);
        AtomicInteger detached = new AtomicInteger(2);
        java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong(3_000_000_000L);
        m.bindDetachedSessions(detached::get);
        m.bindReplayBufferBytes(bytes::get);
        detached.set(3);

        assertThat(counter("filament_gateway_resumes_total", Map.of("outcome", "resumed"))).isEqualTo(2.0);
        assertThat(counter("filament_gateway_resumes_total", Map.of("outcome", "gap"))).isEqualTo(1.0);
        assertThat(gauge("filament_gateway_detached_sessions")).isEqualTo(3.0);
        assertThat(gauge("filament_gateway_replay_buffer_bytes")).isEqualTo(3.0e9);
    }
}
