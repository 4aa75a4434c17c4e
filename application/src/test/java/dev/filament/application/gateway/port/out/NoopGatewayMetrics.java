package dev.filament.application.gateway.port.out;

import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.DropReason;
import dev.filament.domain.gateway.ResumeOutcome;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** Gateway metrics that record nothing, for wiring without a metrics registry. */
public final class NoopGatewayMetrics implements GatewayMetrics {

    @Override
    public void eventEmitted(String scope, String eventType) {
        // nothing recorded by design
    }

    @Override
    public void eventDropped(String scope, String eventType, DropReason reason) {
        // nothing recorded by design
    }

    @Override
    public void disconnected(CloseReason reason) {
        // nothing recorded by design
    }

    @Override
    public void outboundQueueDepth(int depth) {
        // nothing recorded by design
    }

    @Override
    public void bindConnections(IntSupplier connections) {
        // nothing recorded by design
    }

    @Override
    public void bindDispatchQueueDepth(IntSupplier depth) {
        // nothing recorded by design
    }

    @Override
    public void resume(ResumeOutcome outcome) {
        // nothing recorded by design
    }

    @Override
    public void bindDetachedSessions(IntSupplier detached) {
        // nothing recorded by design
    }

    @Override
    public void bindReplayBufferBytes(LongSupplier bytes) {
        // nothing recorded by design
    }
}
