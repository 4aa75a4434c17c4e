package dev.filament.postgres.identity;

import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.RefreshTokenHash;
import dev.filament.domain.identity.Session;
import dev.filament.postgres.jooq.tables.records.SessionsRecord;

/** Maps {@code sessions} rows to and from the domain; keeps jOOQ types inside this package. */
final class SessionRows {
    private SessionRows() {
    }

    static SessionsRecord toRecord(Session session) {
        SessionsRecord r = new SessionsRecord();
        r.setSessionId(session.id().value());
        r.setUserId(session.userId().value());
        r.setRefreshTokenHash(session.refreshHash().bytes());
        r.setCreatedAt(Timestamps.stored(session.createdAt()));
        r.setExpiresAt(Timestamps.stored(session.expiresAt()));
        r.setRevokedAt(session.revokedAt().map(Timestamps::stored).orElse(null));
        return r;
    }

    static Session toSession(SessionsRecord r) {
        return Session.rehydrate(new SessionId(r.getSessionId()), new UserId(r.getUserId()),
                RefreshTokenHash.of(r.getRefreshTokenHash()), Timestamps.instant(r.getCreatedAt()),
                Timestamps.instant(r.getExpiresAt()), Timestamps.instant(r.getRevokedAt()));
    }
}
