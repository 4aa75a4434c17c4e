package dev.filament.application.identity.service;

import dev.filament.application.identity.port.in.AuthResult;
import dev.filament.application.identity.port.out.RandomSource;
import dev.filament.application.identity.port.out.SessionRepository;
import dev.filament.application.identity.port.out.TokenService;
import dev.filament.domain.id.IdGenerator;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.identity.RefreshToken;
import dev.filament.domain.identity.Session;
import dev.filament.domain.identity.Username;
import java.time.Instant;

/** Shared by login and refresh: mints refresh tokens, starts sessions and builds the {@link AuthResult}. */
public final class SessionTokens {
    private final SessionRepository sessions;
    private final IdGenerator ids;
    private final RandomSource random;
    private final TokenService tokens;

    public SessionTokens(SessionRepository sessions, IdGenerator ids, RandomSource random, TokenService tokens) {
        this.sessions = sessions;
        this.ids = ids;
        this.random = random;
        this.tokens = tokens;
    }

    /** Inside the caller's transaction: stores a new session for {@code userId} and returns its refresh token. */
    RefreshToken startSession(UserId userId, Instant now) {
        SessionId sessionId = ids.newSessionId();
        RefreshToken token = newRefreshToken(sessionId);
        sessions.create(Session.start(sessionId, userId, token.hash(), now));
        return token;
    }

    RefreshToken newRefreshToken(SessionId sessionId) {
        return RefreshToken.issue(sessionId, random.nextBytes(RefreshToken.SECRET_BYTES));
    }

    /** A fresh access token for the session of {@code refreshToken}, paired with that refresh token. */
    AuthResult authResult(UserId userId, Username username, RefreshToken refreshToken, Instant now) {
        AccessClaims claims = AccessClaims.issue(userId, refreshToken.sessionId(), username, now);
        return AuthResult.of(tokens.issue(claims), refreshToken);
    }
}
