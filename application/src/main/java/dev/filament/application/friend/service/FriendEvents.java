package dev.filament.application.friend.service;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.wire.EventSerializer;
import dev.filament.application.wire.UserEvent;
import dev.filament.domain.id.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The post-commit hand-offs of the friend routes (SPEC 1.11 W3, 9.5): user scope of the parties. The publisher never
 * blocks and never throws, so nothing here can change a response.
 */
public final class FriendEvents {
    private final GatewayEventPublisher gateway;
    private final EventSerializer serializer;
    private final Clock clock;

    public FriendEvents(GatewayEventPublisher gateway, EventSerializer serializer, Clock clock) {
        this.gateway = gateway;
        this.serializer = serializer;
        this.clock = clock;
    }

    /** Now in whole seconds, as stored (SPEC 1.3). */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The same payload to both parties. */
    void toBoth(UserEvent event, UserId a, UserId b) {
        String json = serializer.toJson(event);
        gateway.publish(GatewayEvent.of(event.type(), GatewayEvent.Scope.user(a), json));
        gateway.publish(GatewayEvent.of(event.type(), GatewayEvent.Scope.user(b), json));
    }

    /** One party's own view. */
    void to(UserEvent event, UserId user) {
        gateway.publish(GatewayEvent.of(event, GatewayEvent.Scope.user(user), serializer));
    }
}
