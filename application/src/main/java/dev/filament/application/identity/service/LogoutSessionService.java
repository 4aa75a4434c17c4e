package dev.filament.application.identity.service;

import dev.filament.application.identity.port.in.LogoutSessionUseCase;
import dev.filament.application.identity.port.out.AuthEvents;
import dev.filament.application.identity.port.out.AuthEvents.LogoutOutcome;
import dev.filament.application.identity.port.out.SessionRepository;
import dev.filament.application.identity.port.out.SessionRevocationListener;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.identity.RefreshToken;
import dev.filament.domain.identity.RefreshTokenHash;
import dev.filament.domain.identity.Session;
import dev.filament.domain.net.ClientIp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link LogoutSessionUseCase}: revoke under the session's row lock, close its sockets after commit. */
public final class LogoutSessionService implements LogoutSessionUseCase {
    private final SessionRepository sessions;
    private final UnitOfWork unitOfWork;
    private final SessionRevocationListener revocations;
    private final AuthEvents events;
    private final Clock clock;

    public LogoutSessionService(SessionRepository sessions, UnitOfWork unitOfWork,
                                SessionRevocationListener revocations, AuthEvents events, Clock clock) {
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
        this.revocations = revocations;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void logout(LogoutSessionCommand command) {
        ClientIp ip = command.clientIp();
        Optional<RefreshToken> presented = RefreshToken.parse(command.refreshToken());
        if (presented.isEmpty()) {
            events.logout(LogoutOutcome.INVALID, Optional.empty(), ip);
            throw new UnauthenticatedException(LogoutOutcome.INVALID.wireName());
        }
        SessionId sessionId = presented.get().sessionId();
        RefreshTokenHash hash = presented.get().hash();
        Instant now = clock.instant();
        LogoutOutcome outcome = unitOfWork.inTransaction(() -> revokeMatching(sessionId, hash, now));
        if (outcome == LogoutOutcome.INVALID) {
            events.logout(outcome, Optional.empty(), ip);
            throw new UnauthenticatedException(outcome.wireName());
        }
        // Also when it was already revoked: closing sockets of a dead session is harmless and idempotent.
        revocations.sessionRevoked(sessionId);
        events.logout(outcome, Optional.of(sessionId), ip);
    }

    private LogoutOutcome revokeMatching(SessionId sessionId, RefreshTokenHash hash, Instant now) {
        Optional<Session> session = sessions.lockById(sessionId);
        if (session.isEmpty() || !session.get().refreshHash().matches(hash)) {
            return LogoutOutcome.INVALID;
        }
        if (session.get().revokedAt().isPresent()) {
            return LogoutOutcome.ALREADY_REVOKED;
        }
        sessions.revoke(sessionId, now);
        return LogoutOutcome.SUCCESS;
    }
}
