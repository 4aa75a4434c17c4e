package dev.filament.postgres.identity;

import static dev.filament.postgres.jooq.Tables.SESSIONS;
import static dev.filament.postgres.jooq.Tables.USED_REFRESH_TOKENS;
import static dev.filament.postgres.jooq.Tables.USERS;

import dev.filament.application.identity.port.out.SessionRepository;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.RefreshTokenHash;
import dev.filament.domain.identity.Session;
import dev.filament.domain.identity.Username;
import dev.filament.postgres.JooqUnitOfWork;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * PostgreSQL {@link SessionRepository} over tables {@code sessions} and {@code used_refresh_tokens}. Every query runs
 * on the unit of work's context, so it joins the caller's transaction; rotation is a single compare-and-swap UPDATE.
 */
public final class JooqSessionRepository implements SessionRepository {
    private final DSLContext dsl;
    private final JooqUnitOfWork unitOfWork;
    private final LiveSessionCache cache;

    /** Without a cache: every {@link #findLive} is a database read. */
    public JooqSessionRepository(JooqUnitOfWork unitOfWork) {
        this(unitOfWork, null);
    }

    /** With SPEC 4.2's live-session cache: revocations through this repository clear it after their transaction. */
    public JooqSessionRepository(JooqUnitOfWork unitOfWork, LiveSessionCache cache) {
        this.dsl = unitOfWork.dsl();
        this.unitOfWork = unitOfWork;
        this.cache = cache;
    }

    @Override
    public void create(Session session) {
        dsl.insertInto(SESSIONS).set(SessionRows.toRecord(session)).execute();
    }

    @Override
    public Optional<Username> findLive(SessionId sessionId, UserId userId, Instant now) {
        if (cache != null) {
            Optional<Username> cached = cache.find(sessionId, userId, now);
            if (cached.isPresent()) {
                return cached;
            }
        }
        // one round trip on the sessions primary key, joined to the owner for the current name
        Optional<LiveSessionCache.Live> found = dsl.select(USERS.USERNAME, SESSIONS.EXPIRES_AT)
                .from(SESSIONS)
                .join(USERS).on(USERS.USER_ID.eq(SESSIONS.USER_ID))
                .where(SESSIONS.SESSION_ID.eq(sessionId.value()))
                .and(SESSIONS.USER_ID.eq(userId.value()))
                .and(SESSIONS.REVOKED_AT.isNull())
                .and(SESSIONS.EXPIRES_AT.gt(Timestamps.bound(now)))
                .fetchOptional(r -> new LiveSessionCache.Live(userId, new Username(r.value1()),
                        r.value2().toInstant()));
        if (cache != null) {
            found.ifPresent(live -> cache.fill(sessionId, live));
        }
        return found.map(LiveSessionCache.Live::username);
    }

    @Override
    public Optional<Session> lockById(SessionId sessionId) {
        return dsl.selectFrom(SESSIONS).where(SESSIONS.SESSION_ID.eq(sessionId.value())).forUpdate()
                .fetchOptional().map(SessionRows::toSession);
    }

    @Override
    public boolean rotate(SessionId sessionId, RefreshTokenHash expected, RefreshTokenHash next, Instant expiresAt) {
        // Under READ COMMITTED a concurrent rotation makes this UPDATE wait for the row and then re-check the hash,
        // so of two callers expecting the same hash exactly one changes the row.
        return dsl.update(SESSIONS)
                .set(SESSIONS.REFRESH_TOKEN_HASH, next.bytes())
                .set(SESSIONS.EXPIRES_AT, Timestamps.stored(expiresAt))
                .where(SESSIONS.SESSION_ID.eq(sessionId.value()))
                .and(SESSIONS.REFRESH_TOKEN_HASH.eq(expected.bytes()))
                .execute() == 1;
    }

    @Override
    public void revoke(SessionId sessionId, Instant now) {
        dsl.update(SESSIONS)
                .set(SESSIONS.REVOKED_AT, Timestamps.stored(now))
                .where(SESSIONS.SESSION_ID.eq(sessionId.value()))
                .and(SESSIONS.REVOKED_AT.isNull())
                .execute();
        if (cache != null) {
            cache.revoked(sessionId); // blocks refills while the transaction is open
            unitOfWork.afterTransaction(() -> cache.revoked(sessionId)); // SPEC 4.2: gone before the request returns
        }
    }

    @Override
    public void recordUsedToken(RefreshTokenHash hash, SessionId sessionId, Instant usedAt) {
        dsl.insertInto(USED_REFRESH_TOKENS)
                .set(USED_REFRESH_TOKENS.TOKEN_HASH, hash.bytes())
                .set(USED_REFRESH_TOKENS.SESSION_ID, sessionId.value())
                .set(USED_REFRESH_TOKENS.USED_AT, Timestamps.stored(usedAt))
                .execute();
    }

    @Override
    public boolean isUsedToken(RefreshTokenHash hash, SessionId sessionId) {
        return dsl.fetchExists(USED_REFRESH_TOKENS, USED_REFRESH_TOKENS.TOKEN_HASH.eq(hash.bytes())
                .and(USED_REFRESH_TOKENS.SESSION_ID.eq(sessionId.value())));
    }

    @Override
    public int deleteSessionsEndedBefore(Instant cutoff) {
        // used_refresh_tokens rows of deleted sessions go with them (ON DELETE CASCADE)
        return dsl.deleteFrom(SESSIONS)
                .where(SESSIONS.EXPIRES_AT.lt(Timestamps.bound(cutoff)))
                .or(SESSIONS.REVOKED_AT.lt(Timestamps.bound(cutoff)))
                .execute();
    }

    @Override
    public int deleteUsedTokensBefore(Instant cutoff) {
        return dsl.deleteFrom(USED_REFRESH_TOKENS)
                .where(USED_REFRESH_TOKENS.USED_AT.lt(Timestamps.bound(cutoff)))
                .execute();
    }
}
