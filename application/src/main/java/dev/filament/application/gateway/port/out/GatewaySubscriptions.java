package dev.filament.application.gateway.port.out;

import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Objects;

/**
 * Out-port: the subscriptions the realtime registry holds, as the revalidation of SPEC 9.10 needs them: a snapshot of
 * one guild's subscriptions, and the revocation of exactly one of them.
 *
 * <p>Semantics every implementation keeps:
 * <ul>
 *   <li>{@link #subscriptionsIn} is a weakly consistent snapshot costing O(subscriptions held by the guild's
 *       subscribed connections), never a scan of every connection; it never waits on a socket.</li>
 *   <li>{@link #dropSubscription} is a hand-off like {@link GatewayEventPublisher#publish}: it never blocks, never
 *       throws, and is ordered behind the events the same thread handed off before it. When it runs, a subscription
 *       still held is removed, the connection gets {@code unsubscribed} {@code {guild_id, channel_id, reason}}, and
 *       presence is updated ({@code presence_update offline} when the user has no subscription left in the guild).
 *       A subscription already gone (unsubscribed, disconnected) is ignored: nothing is sent.</li>
 * </ul>
 * Thread-safe.
 */
public interface GatewaySubscriptions {

    /** Every subscription currently held in {@code guild}, in no particular order. */
    List<Subscription> subscriptionsIn(GuildId guild);

    /** Revokes one subscription of one connection behind the events already handed off (SPEC 9.10). */
    void dropSubscription(ConnectionId connection, GuildId guild, ChannelId channel, UnsubscribeReason reason);

    /** One subscription: a connection of {@code user} subscribed to ({@code guild}, {@code channel}). */
    record Subscription(ConnectionId connection, UserId user, GuildId guild, ChannelId channel) {
        public Subscription {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(channel, "channel");
        }
    }
}
