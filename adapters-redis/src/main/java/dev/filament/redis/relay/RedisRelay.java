package dev.filament.redis.relay;

import dev.filament.application.gateway.port.out.GatewayRelay;
import dev.filament.application.guild.port.out.GuildRevalidation;
import dev.filament.application.identity.port.out.SessionRevocationListener;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;

/**
 * The publishing side of the relay as the application sees it: the dispatcher's {@link GatewayRelay}, and the
 * post-commit hand-offs that also reach every other node: a session revocation (17.5, a {@code revoke} entry) and a
 * guild revalidation (9.10, a {@code revalidate} entry), each applied locally first.
 */
public final class RedisRelay implements GatewayRelay {
    private final RelayPublisher publisher;

    public RedisRelay(RelayPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void event(GatewayEvent event) {
        publisher.offer(new RelayEntry.Event(event));
    }

    @Override
    public void drop(UserId user, GuildId guild, UnsubscribeReason reason) {
        publisher.offer(new RelayEntry.Drop(user, guild, reason));
    }

    /** {@code local}, then a {@code revoke} entry for every other node. */
    public SessionRevocationListener revocations(SessionRevocationListener local) {
        return session -> {
            local.sessionRevoked(session);
            revoke(session);
        };
    }

    /** {@code local}, then a {@code revalidate} entry for every other node. */
    public GuildRevalidation revalidation(GuildRevalidation local) {
        return guild -> {
            local.enqueue(guild);
            publisher.offer(new RelayEntry.Revalidate(guild));
        };
    }

    /** A rename committed here: a {@code user} entry for every other node's live-session cache (17.3). */
    public void renamed(UserId user, String username) {
        publisher.offer(new RelayEntry.UserRenamed(user, username));
    }

    private void revoke(SessionId session) {
        publisher.offer(new RelayEntry.Revoke(session));
    }
}
