package dev.filament.application.gateway.port.out;

import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.DropReason;
import dev.filament.domain.gateway.ResumeOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** Fake gateway metrics that keep every counter, sample and gauge in memory under its exposed name. Thread-safe. */
public final class RecordingGatewayMetrics implements GatewayMetrics {
    public static final String EMITTED = "filament_gateway_events_emitted_total";
    public static final String DROPPED = "filament_gateway_events_dropped_total";
    public static final String DISCONNECTS = "filament_ws_disconnects_total";
    public static final String OUTBOUND_DEPTH = "filament_gateway_outbound_queue_depth";
    public static final String DISPATCH_DEPTH = "filament_gateway_dispatch_queue_depth";
    public static final String CONNECTIONS = "filament_gateway_connections";
    public static final String RESUMES = "filament_gateway_resumes_total";
    public static final String DETACHED = "filament_gateway_detached_sessions";
    public static final String REPLAY_BYTES = "filament_gateway_replay_buffer_bytes";

    private final Map<Series, LongAdder> counters = new ConcurrentHashMap<>();
    private final List<Integer> outboundDepths = Collections.synchronizedList(new ArrayList<>());
    private volatile IntSupplier connections = () -> 0;
    private volatile IntSupplier dispatchDepth = () -> 0;
    private volatile IntSupplier detached = () -> 0;
    private volatile LongSupplier replayBytes = () -> 0;

    @Override
    public void eventEmitted(String scope, String eventType) {
        increment(EMITTED, Map.of("scope", scope, "event_type", eventType));
    }

    @Override
    public void eventDropped(String scope, String eventType, DropReason reason) {
        increment(DROPPED, Map.of("scope", scope, "event_type", eventType, "reason", reason.label()));
    }

    @Override
    public void disconnected(CloseReason reason) {
        increment(DISCONNECTS, Map.of("reason", reason.reason()));
    }

    @Override
    public void outboundQueueDepth(int depth) {
        outboundDepths.add(depth);
    }

    @Override
    public void bindConnections(IntSupplier supplier) {
        connections = supplier;
    }

    @Override
    public void bindDispatchQueueDepth(IntSupplier supplier) {
        dispatchDepth = supplier;
    }

    @Override
    public void resume(ResumeOutcome outcome) {
        increment(RESUMES, Map.of("outcome", outcome.label()));
    }

    @Override
    public void bindDetachedSessions(IntSupplier supplier) {
        detached = supplier;
    }

    @Override
    public void bindReplayBufferBytes(LongSupplier supplier) {
        replayBytes = supplier;
    }

    /** The value of one counter series; 0 when it was never incremented. */
    public long counter(String name, Map<String, String> tags) {
        LongAdder adder = counters.get(new Series(name, tags));
        return adder == null ? 0 : adder.sum();
    }

    /** The sum of a counter over every series whose tags include {@code tags}. */
    public long counterSum(String name, Map<String, String> tags) {
        return counters.entrySet().stream()
                .filter(e -> e.getKey().name().equals(name)
                        && e.getKey().tags().entrySet().containsAll(tags.entrySet()))
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    /** The current value of a gauge; -1 for an unknown name. */
    public long gauge(String name) {
        return switch (name) {
            case CONNECTIONS -> connections.getAsInt();
            case DISPATCH_DEPTH -> dispatchDepth.getAsInt();
            case DETACHED -> detached.getAsInt();
            case REPLAY_BYTES -> replayBytes.getAsLong();
            default -> -1;
        };
    }

    public List<Integer> outboundDepthSamples() {
        synchronized (outboundDepths) {
            return List.copyOf(outboundDepths);
        }
    }

    private void increment(String name, Map<String, String> tags) {
        counters.computeIfAbsent(new Series(name, tags), k -> new LongAdder()).increment();
    }

    private record Series(String name, Map<String, String> tags) {
        Series {
            tags = Map.copyOf(tags);
        }
    }
}
