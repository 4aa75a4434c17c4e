package dev.filament.application.gateway.port.out;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;

/**
 * Out-port: where the relay reader (SPEC 17.3) hands entries that another node published. They join the local
 * dispatch queue like local ones (9.7 items 2-8) but are never relayed again. Non-blocking; never throws.
 */
public interface RelayedDelivery {

    /** A remote event for this node's connections. */
    void deliver(GatewayEvent event);

    /** A remote drop command: this node's subscriptions of {@code user} in {@code guild}. */
    void drop(UserId user, GuildId guild, UnsubscribeReason reason);

    /** A relay gap: every local connection is closed with {@code reason}, detached sessions discarded. */
    void closeAll(CloseReason reason);
}
