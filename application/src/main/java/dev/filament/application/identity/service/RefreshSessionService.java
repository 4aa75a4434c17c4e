package dev.filament.application.identity.service;

import dev.filament.application.identity.port.in.AuthResult;
import dev.filament.application.identity.port.in.RefreshSessionUseCase;
import dev.filament.application.identity.port.out.AuthEvents;
import dev.filament.application.identity.port.out.AuthEvents.RefreshOutcome;
import dev.filament.application.identity.port.out.SessionRepository;
import dev.filament.application.identity.port.out.SessionRevocationListener;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.RefreshToken;
import dev.filament.domain.identity.RefreshTokenHash;
import dev.filament.domain.identity.Session;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import dev.filament.domain.net.ClientIp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Implements {@link RefreshSessionUseCase} with the four cases of SPEC 4.3, decided in one transaction that locks the
 * session row: rotate, replay (revoke), or refuse. Hand-offs and the access token come after the commit.
 */
public final class RefreshSessionService implements RefreshSessionUseCase {
    private final SessionRepository sessions;
    private final UserRepository users;
    private final UnitOfWork unitOfWork;
    private final SessionTokens sessionTokens;
    private final SessionRevocationListener revocations;
    private final AuthEvents events;
    private final Clock clock;

    public RefreshSessionService(SessionRepository sessions, UserRepository users, UnitOfWork unitOfWork,
                                 SessionTokens sessionTokens, SessionRevocationListener revocations,
                                 AuthEvents events, Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.unitOfWork = unitOfWork;
        this.sessionTokens = sessionTokens;
        this.revocations = revocations;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public AuthResult refresh(RefreshSessionCommand command) {
        ClientIp ip = command.clientIp();
        Optional<RefreshToken> presented = RefreshToken.parse(command.refreshToken());
        if (presented.isEmpty()) {
            throw refused(RefreshOutcome.INVALID, Optional.empty(), ip);
        }
        SessionId sessionId = presented.get().sessionId();
        RefreshTokenHash hash = presented.get().hash();
        Instant now = clock.instant();
        Outcome outcome = unitOfWork.inTransaction(() -> decide(sessionId, hash, now));
        return switch (outcome) {
            case Rotated r -> {
                events.refresh(RefreshOutcome.SUCCESS, Optional.of(sessionId), ip);
                yield sessionTokens.authResult(r.userId(), r.username(), r.next(), now);
            }
            case Replayed ignored -> {
                revocations.sessionRevoked(sessionId); // after the commit: the revocation is durable first
                throw refused(RefreshOutcome.REPLAY_DETECTED, Optional.of(sessionId), ip);
            }
            case Rejected ignored -> throw refused(RefreshOutcome.INVALID, Optional.empty(), ip);
        };
    }

    private Outcome decide(SessionId sessionId, RefreshTokenHash hash, Instant now) {
        Optional<Session> locked = sessions.lockById(sessionId);
        if (locked.isEmpty()) {
            return Rejected.INSTANCE;                               // case 1: no such session
        }
        Session session = locked.get();
        if (session.refreshHash().matches(hash) && session.isLive(now)) {
            return rotate(session, hash, now);                      // case 2: current token of a live session
        }
        if (sessions.isUsedToken(hash, sessionId)) {
            sessions.revoke(sessionId, now);                        // case 3: a rotated-away token came back
            return Replayed.INSTANCE;
        }
        return Rejected.INSTANCE;                                   // case 4
    }

    private Outcome rotate(Session session, RefreshTokenHash hash, Instant now) {
        Optional<Username> username = users.findById(session.userId()).map(User::username);
        RefreshToken next = sessionTokens.newRefreshToken(session.id());
        if (username.isEmpty()
                || !sessions.rotate(session.id(), hash, next.hash(), Session.slidingExpiry(now))) {
            return Rejected.INSTANCE;
        }
        sessions.recordUsedToken(hash, session.id(), now);
        return new Rotated(session.userId(), username.get(), next);
    }

    private UnauthenticatedException refused(RefreshOutcome outcome, Optional<SessionId> sessionId, ClientIp ip) {
        events.refresh(outcome, sessionId, ip);
        return new UnauthenticatedException(outcome.wireName());
    }

    private sealed interface Outcome permits Rotated, Replayed, Rejected {
    }

    private record Rotated(UserId userId, Username username, RefreshToken next) implements Outcome {
    }

    private enum Replayed implements Outcome { INSTANCE }

    private enum Rejected implements Outcome { INSTANCE }
}
