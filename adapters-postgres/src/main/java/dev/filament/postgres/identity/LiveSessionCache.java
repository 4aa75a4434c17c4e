package dev.filament.postgres.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * SPEC 4.2's bounded in-process cache of live sessions: at most {@value #MAX_ENTRIES} entries, each trusted for
 * {@link #TRUST} after it was read from the database. A revocation made by this process calls {@link #revoked} after
 * its transaction ends (before the request returns): the entry goes and a "revoked" marker blocks any refill for
 * {@link #TRUST}, so a read that raced the commit cannot re-cache the session. Revocations made by another process
 * are seen within {@link #TRUST} (the stated maximum staleness) until a relay (#14) calls {@link #revoked} here too.
 */
public final class LiveSessionCache {
    public static final int MAX_ENTRIES = 100_000;
    public static final Duration TRUST = Duration.ofSeconds(5);

    private final Cache<SessionId, Live> live = Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
            .expireAfterWrite(TRUST).build();
    private final Cache<SessionId, Boolean> revoked = Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
            .expireAfterWrite(TRUST).build();
    private volatile BiConsumer<UserId, Username> renameRelay = (user, username) -> { };

    /** A live session as read from the database: owner, current username and expiry. */
    record Live(UserId user, Username username, Instant expiresAt) {
    }

    /** The cached username when {@code session} is cached, belongs to {@code user} and is unexpired at {@code now}. */
    Optional<Username> find(SessionId session, UserId user, Instant now) {
        Live entry = live.getIfPresent(session);
        if (entry == null || !entry.user().equals(user) || !entry.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(entry.username());
    }

    /** Caches a session just read as live, unless it was revoked in the last {@link #TRUST}. */
    void fill(SessionId session, Live entry) {
        // atomic against revoked(): the marker is set before the removal, and both run on the same key's bin
        live.asMap().compute(session, (k, current) -> revoked.getIfPresent(k) != null ? current : entry);
    }

    /** The session was revoked (here, after the commit; or elsewhere, by a relay): drop it and block refills. */
    public void revoked(SessionId session) {
        revoked.put(session, Boolean.TRUE);
        live.invalidate(session);
    }

    /** Where renames committed by this process also go (17.3's {@code user} relay entry); nowhere by default. */
    public void relayRenamesTo(BiConsumer<UserId, Username> relay) {
        this.renameRelay = relay;
    }

    /** A rename committed by this process (after its transaction): dropped here and handed to the relay. */
    public void renamed(UserId user, Username username) {
        userChanged(user);
        renameRelay.accept(user, username);
    }

    /** The user's name changed (4.5): drop the user's entries so the next request reads the new name. */
    public void userChanged(UserId user) {
        live.asMap().values().removeIf(e -> e.user().equals(user));
    }
}
