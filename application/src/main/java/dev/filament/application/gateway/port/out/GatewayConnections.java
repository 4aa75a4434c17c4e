package dev.filament.application.gateway.port.out;

import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.gateway.port.in.GatewayCaller;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.util.List;

/**
 * Out-port: the connection side of the realtime gateway (SPEC 9.1, 9.7-9.9), driven by the transport binding and by
 * the subscribe command. Events for connections are handed off through {@link GatewayEventPublisher}.
 *
 * <p>Semantics every implementation keeps:
 * <ul>
 *   <li>{@link #connect} queues {@code ready} {@code {user_id, resume_key}} as the connection's frame {@code s=1} before any other
 *       event can reach it, then writes frames to the socket on the connection's own writer, in order, with
 *       consecutive {@code s}. It logs {@code gateway.connect}; the end of the writer logs {@code gateway.disconnect}
 *       with code, reason and duration.</li>
 *   <li>{@link #disconnect} never blocks and never throws: the first reason wins, later ones and unknown ids are
 *       ignored. The connection leaves the registry at once; its writer then sends the close frame (none for
 *       {@link CloseReason#HEARTBEAT_TIMEOUT}) or aborts the socket.</li>
 *   <li>{@link #resume} answers first, before any other frame: the missed frames with their original {@code s} and
 *       {@code resumed}, or {@code invalid_session} ({@code s=1}) and {@code ready} ({@code s=2}) (SPEC 9.11).</li>
 *   <li>A close whose reason is {@link CloseReason#resumable()} detaches the connection's gateway session for a later
 *       resume; any other close ends it.</li>
 *   <li>Registry changes are atomic per connection and never wait on a socket.</li>
 * </ul>
 * Thread-safe.
 */
public interface GatewayConnections {

    /** Registers an upgraded connection; {@code tokenExpiresAt} is the access token's {@code exp}. */
    void connect(GatewayCaller caller, Instant tokenExpiresAt, GatewaySocket socket);

    /** Registers an upgraded connection that asked to take over the gateway session of {@code request}. */
    void resume(GatewayCaller caller, Instant tokenExpiresAt, GatewaySocket socket, ResumeRequest request);

    /** Closes a connection with {@code reason}. */
    void disconnect(ConnectionId connection, CloseReason reason);

    /**
     * The drop fence of ({@code user}, {@code guild}): a value that moves before every
     * {@link GatewayEventPublisher#dropSubscriptions} of that pair is handed off (kick, ban; it may also move
     * spuriously). A subscribe reads it <em>before</em> its access check and passes it to {@link #subscribe}.
     */
    long dropFence(UserId user, GuildId guild);

    /**
     * Adds a subscription (idempotent, capped per connection, SPEC 9.3) and reports what changed; {@code dropFence}
     * is the value of {@link #dropFence} read before the caller's access check. When it has moved since, nothing is
     * added and the answer is {@link SubscribeOutcome.Kind#FENCED}: a kick or ban may have committed after the check,
     * and its drop may already have run, so the check must be repeated (#12 item 2). The comparison and the
     * registration are one atomic step with respect to the drops, so a subscription registered with an unmoved fence
     * is removed by any drop handed off after the fence was read.
     */
    SubscribeOutcome subscribe(ConnectionId connection, GuildId guild, ChannelId channel, long dropFence);

    /** The users online in {@code guild} (SPEC 9.8), sorted. */
    List<UserId> onlineUsers(GuildId guild);

    /** What a subscribe did, and whether the user just became online in the guild. */
    record SubscribeOutcome(Kind kind, boolean becameOnline) {

        public SubscribeOutcome {
            if (kind == null || (becameOnline && kind != Kind.SUBSCRIBED)) {
                throw new IllegalArgumentException("subscribeOutcome: kind required; only a new subscription comes online");
            }
        }

        /** The possible results of a subscribe. */
        public enum Kind {
            SUBSCRIBED,
            /** Idempotent repeat: nothing changed. */
            ALREADY_SUBSCRIBED,
            /** The connection holds the maximum number of subscriptions: {@code error quota_exceeded}. */
            QUOTA_EXCEEDED,
            /** The connection is not (or no longer) registered. */
            NOT_CONNECTED,
            /** The drop fence moved since the caller read it: nothing changed; check access again. */
            FENCED
        }
    }
}
