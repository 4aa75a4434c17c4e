package dev.filament.application.shared.port.out;

import dev.filament.application.shared.GatewayEvent;

import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;

/**
 * Out-port: the post-commit hand-off to the realtime gateway (SPEC 1.11 W3, 9.7).
 *
 * <p>Semantics every implementation keeps:
 * <ul>
 *   <li>Every method <b>never blocks</b>: it hands the work to the gateway and returns at once, whatever the
 *       connections or the dispatcher are doing. It never waits for delivery, for a lock held across a wait, or for
 *       queue space.</li>
 *   <li>Every method <b>never throws</b> to the caller: a hand-off that cannot be accepted (a full dispatch queue) is
 *       counted and handled inside the gateway (SPEC 9.7.4), never reported to the request.</li>
 *   <li>Order is kept per publishing thread: events and commands handed off by one thread reach each connection in
 *       that order (commands are ordered behind earlier events on the same queue).</li>
 * </ul>
 * Thread-safe; called from request threads, gateway command workers and background workers.
 */
public interface GatewayEventPublisher {

    /** Hands off one event whose {@code d} is already serialized. */
    void publish(GatewayEvent event);

    /**
     * Removes every subscription of {@code user} in {@code guild} behind the events already handed off, sends
     * {@code unsubscribed} with {@code reason} to each affected connection and updates presence (SPEC 9.10). Events
     * handed off after this call are not delivered to the removed subscriptions.
     */
    void dropSubscriptions(UserId user, GuildId guild, UnsubscribeReason reason);

    /** Closes every gateway connection of {@code session} with {@code reason}, behind the events already handed off. */
    void closeSession(SessionId session, CloseReason reason);
}
