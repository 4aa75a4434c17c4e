package dev.filament.application.gateway.port.out;

import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.DropReason;
import dev.filament.domain.gateway.ResumeOutcome;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Out-port: the gateway's metrics of SPEC 14.2. Exposed names (the contract suite checks them):
 * {@code filament_gateway_events_emitted_total{scope,event_type}},
 * {@code filament_gateway_events_dropped_total{scope,event_type,reason}},
 * {@code filament_ws_disconnects_total{reason}}, {@code filament_gateway_outbound_queue_depth} (distribution),
 * {@code filament_gateway_dispatch_queue_depth} and {@code filament_gateway_connections} (gauges),
 * {@code filament_gateway_resumes_total{outcome}}, {@code filament_gateway_detached_sessions} and
 * {@code filament_gateway_replay_buffer_bytes} (gauges; SPEC 9.11).
 *
 * <p>Every method is called on hot paths (the dispatcher loop, publishing request threads): it must be cheap, never
 * block and never throw. Labels are bounded: scope kinds, server event types and close reasons only.
 */
public interface GatewayMetrics {

    /** One event fanned out by the dispatcher (counted once per event, not per connection). */
    void eventEmitted(String scope, String eventType);

    /**
     * One event not delivered: per connection for {@link DropReason#SLOW_CONSUMER} and {@link DropReason#CLOSED},
     * once per event for {@link DropReason#DISPATCH_OVERFLOW} and {@link DropReason#SERIALIZE_ERROR}.
     */
    void eventDropped(String scope, String eventType, DropReason reason);

    /** One connection closed, by the reason it was closed with. */
    void disconnected(CloseReason reason);

    /** A sample of one connection's outbound queue depth, taken at each enqueue. */
    void outboundQueueDepth(int depth);

    /**
     * Binds the connections gauge to a supplier read at scrape time. The metrics hold the supplier strongly: callers
     * pass method references they keep no other reference to.
     */
    void bindConnections(IntSupplier connections);

    /** Binds the dispatch queue depth gauge to a supplier read at scrape time, held strongly like the one above. */
    void bindDispatchQueueDepth(IntSupplier depth);

    /** One resume request answered (SPEC 9.11). */
    void resume(ResumeOutcome outcome);

    /** Binds the detached gateway sessions gauge, held strongly like the ones above. */
    void bindDetachedSessions(IntSupplier detached);

    /**
     * Binds the replay memory gauge: serialized bytes referenced by the replay buffers of all gateway sessions
     * (payloads are shared between sessions, so this bounds the memory they keep alive from above).
     */
    void bindReplayBufferBytes(LongSupplier bytes);
}
