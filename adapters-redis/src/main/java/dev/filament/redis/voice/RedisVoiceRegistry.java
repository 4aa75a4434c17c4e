package dev.filament.redis.voice;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.ClusterTelemetry;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.voice.service.RosterVoiceRegistry;
import dev.filament.application.voice.service.VoiceEventPayloads;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.voice.VoiceCapacity;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import dev.filament.redis.RedisAccess;
import dev.filament.redis.RedisBound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The voice registry shared by all nodes (SPEC 17.6): each change loads the registry, applies the SPEC rules of the
 * roster (caps included) and writes the result back with one compare-and-set script, retrying on a concurrent change;
 * the calling node then publishes the events in order (relayed like any event). A node-local lock serialises the
 * node's own changes. Request-path operations wait at most 50 ms per Redis call, the removal triggers 1000 ms.
 * Without Redis (17.6 fallbacks): no cap check, tokens register nothing, leave/state change nothing, listings are
 * empty; each counted in {@code filament_redis_fallback_total{voice}}.
 */
public final class RedisVoiceRegistry extends RosterVoiceRegistry {
    private static final int ATTEMPTS = 8;
    // how long a request waits for the node lock plus its retries, and a removal trigger (17.2: never a request's
    // budget because of Redis)
    private static final long REQUEST_PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long BACKGROUND_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private final VoiceStore store;
    private final ClusterTelemetry telemetry;
    private volatile Consumer<GatewayEvent> publish;
    private final ReentrantLock lock = new ReentrantLock();
    private RedisBound bound = RedisBound.REQUEST;
    private long deadline = Long.MAX_VALUE; // System.nanoTime() after which a change stops retrying (under the lock)

    public RedisVoiceRegistry(RedisAccess access, ClusterTelemetry telemetry, GatewayEventPublisher publisher,
            VoiceEventPayloads payloads, VoiceCapacity capacity) {
        super(capacity, payloads);
        this.store = new VoiceStore(access);
        this.telemetry = telemetry;
        this.publish = publisher::publish;
    }

    public RedisVoiceRegistry(RedisAccess access, ClusterTelemetry telemetry, GatewayEventPublisher publisher,
            VoiceEventPayloads payloads) {
        this(access, telemetry, publisher, payloads, VoiceCapacity.SPEC);
    }

    /**
     * Shutdown: from now on the events of the node's own removals (its users' counts reaching 0) go only to
     * {@code relayOnly}, since the local gateway is closing.
     */
    public void stopping(Consumer<GatewayEvent> relayOnly) {
        this.publish = relayOnly;
    }

    @Override
    public void checkCapacity(VoiceIdentity identity, Instant now) {
        guarded(RedisBound.REQUEST, () -> {
            super.checkCapacity(identity, now);
            return null;
        }, null);
    }

    @Override
    public IssueOutcome issue(VoiceIdentity identity, VoiceGrant grant, Instant now, Instant expiresAt) {
        return guarded(RedisBound.REQUEST, () -> super.issue(identity, grant, now, expiresAt), IssueOutcome.UPDATED);
    }

    @Override
    public boolean leave(VoiceIdentity identity, Instant now) {
        return guarded(RedisBound.REQUEST, () -> super.leave(identity, now), false);
    }

    @Override
    public boolean updateState(VoiceIdentity identity, Optional<Boolean> muted, Optional<Boolean> deafened,
            Instant now) {
        return guarded(RedisBound.REQUEST, () -> super.updateState(identity, muted, deafened, now), false);
    }

    @Override
    public int removeUserFromGuild(UserId user, GuildId guild, Instant now) {
        return guarded(RedisBound.BACKGROUND, () -> super.removeUserFromGuild(user, guild, now), 0);
    }

    @Override
    public int removeUserEverywhere(UserId user, Instant now) {
        return guarded(RedisBound.BACKGROUND, () -> super.removeUserEverywhere(user, now), 0);
    }

    @Override
    public int pruneExpired(VoiceRoom room, Instant now) {
        // a subscribe usually finds nobody expired: one read of the room, the whole change only when needed
        Optional<List<VoiceParticipant>> current = store.room(RedisBound.REQUEST, room);
        if (current.isPresent() && current.get().stream().noneMatch(p -> p.isExpiredAt(now))) {
            return 0;
        }
        return guarded(RedisBound.REQUEST, () -> super.pruneExpired(room, now), 0);
    }

    /** One read of the room (no lock, no snapshot of the rest); none without Redis (17.6). */
    @Override
    public List<VoiceParticipant> participants(VoiceRoom room) {
        return store.room(RedisBound.REQUEST, room).orElseGet(() -> {
            telemetry.fallback("voice");
            return List.of();
        });
    }

    @Override
    public List<VoiceRoom> rooms() {
        return guarded(RedisBound.BACKGROUND, super::rooms, List.of());
    }

    @Override
    public int reevaluate(GuildId guild, BiPredicate<UserId, ChannelId> stillAllowed, Instant now) {
        // not under the node lock: the predicate may query the database (the change itself is guarded below)
        try {
            return super.reevaluate(guild, stillAllowed, now);
        } catch (Unavailable e) {
            telemetry.fallback("voice");
            return 0;
        }
    }

    @Override
    public boolean removeStale(VoiceIdentity identity, Instant tokenIssuedBefore, Instant now) {
        return guarded(RedisBound.BACKGROUND, () -> super.removeStale(identity, tokenIssuedBefore, now), false);
    }

    @Override
    protected <T> T mutate(Function<List<GatewayEvent>, T> change) {
        lock.lock();
        try {
            for (int attempt = 0; attempt < ATTEMPTS && (attempt == 0 || System.nanoTime() - deadline < 0);
                    attempt++) {
                VoiceStore.Snapshot before = store.load(bound).orElseThrow(Unavailable::new);
                roster().restore(before.participants());
                List<GatewayEvent> events = new ArrayList<>();
                T result = change.apply(events);
                if (store.commit(bound, before, roster().all()).orElseThrow(Unavailable::new)) {
                    events.forEach(publish);
                    return result;
                }
            }
            throw new Unavailable(); // kept losing to other nodes' changes: treated like Redis being unavailable
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected <T> T read(Supplier<T> query) {
        lock.lock();
        try {
            roster().restore(store.load(bound).orElseThrow(Unavailable::new).participants());
            return query.get();
        } finally {
            lock.unlock();
        }
    }

    private <T> T guarded(RedisBound callBound, Supplier<T> operation, T fallback) {
        long patience = callBound == RedisBound.REQUEST ? REQUEST_PATIENCE_NANOS : BACKGROUND_PATIENCE_NANOS;
        long until = System.nanoTime() + patience;
        try {
            if (!lock.tryLock(patience, TimeUnit.NANOSECONDS)) {
                telemetry.fallback("voice");
                return fallback;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
        RedisBound previousBound = bound;
        long previousDeadline = deadline;
        bound = callBound;
        deadline = until;
        try {
            return operation.get();
        } catch (Unavailable e) {
            telemetry.fallback("voice");
            return fallback;
        } finally {
            bound = previousBound;
            deadline = previousDeadline;
            lock.unlock();
        }
    }

    /** Redis did not answer within the bound (or the circuit is open): the caller takes the 17.6 fallback. */
    private static final class Unavailable extends RuntimeException {
        Unavailable() {
            super(null, null, false, false);
        }
    }
}
