package dev.filament.application.gateway.port.out;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;

/**
 * Out-port: the cross-node relay of SPEC 17.3 as the local dispatcher sees it. The dispatcher offers each locally
 * published event and drop command when it takes it from its queue, so the relay order is the local dispatch order.
 * Items that arrived from the relay are never offered back. Every method is a non-blocking offer that never throws.
 */
public interface GatewayRelay {

    /** Scale-out off: nothing leaves the process. */
    GatewayRelay NONE = new GatewayRelay() {
        @Override
        public void event(GatewayEvent event) {
        }

        @Override
        public void drop(UserId user, GuildId guild, UnsubscribeReason reason) {
        }
    };

    /** A locally published event, as the dispatcher takes it. */
    void event(GatewayEvent event);

    /** A local drop command of SPEC 9.10 (kick, ban), as the dispatcher takes it. */
    void drop(UserId user, GuildId guild, UnsubscribeReason reason);
}
