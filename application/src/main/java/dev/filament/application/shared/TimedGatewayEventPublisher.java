package dev.filament.application.shared;

import dev.filament.application.shared.port.out.GatewayEventPublisher;

import dev.filament.application.shared.RequestTimings;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;

/** Decorator: every hand-off to the gateway counts toward the request's {@code fanout} phase (SPEC 14.3). */
public final class TimedGatewayEventPublisher implements GatewayEventPublisher {
    private final GatewayEventPublisher delegate;
    private final RequestTimings timings;

    public TimedGatewayEventPublisher(GatewayEventPublisher delegate, RequestTimings timings) {
        this.delegate = delegate;
        this.timings = timings;
    }

    @Override
    public void publish(GatewayEvent event) {
        timings.time(RequestTimings.Phase.FANOUT, () -> delegate.publish(event));
    }

    @Override
    public void dropSubscriptions(UserId user, GuildId guild, UnsubscribeReason reason) {
        timings.time(RequestTimings.Phase.FANOUT, () -> delegate.dropSubscriptions(user, guild, reason));
    }

    @Override
    public void closeSession(SessionId session, CloseReason reason) {
        timings.time(RequestTimings.Phase.FANOUT, () -> delegate.closeSession(session, reason));
    }
}
