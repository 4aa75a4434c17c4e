package dev.filament.application.identity.service;

import dev.filament.application.identity.port.in.CleanupExpiredSessionsUseCase;
import dev.filament.application.identity.port.out.SessionRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.identity.AuthTtl;
import java.time.Clock;
import java.time.Instant;

/**
 * Implements {@link CleanupExpiredSessionsUseCase}: sessions expired or revoked more than 30 days ago and used-token
 * rows older than 30 days + 1 hour go. Runs off the request path.
 */
public final class CleanupExpiredSessionsService implements CleanupExpiredSessionsUseCase {
    private final SessionRepository sessions;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public CleanupExpiredSessionsService(SessionRepository sessions, UnitOfWork unitOfWork, Clock clock) {
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public CleanupResult cleanup() {
        Instant now = clock.instant();
        // Two short transactions: neither table's delete needs to wait for the other's locks.
        int usedTokens = unitOfWork.inTransaction(
                () -> sessions.deleteUsedTokensBefore(now.minus(AuthTtl.USED_TOKEN_MEMORY)));
        int ended = unitOfWork.inTransaction(
                () -> sessions.deleteSessionsEndedBefore(now.minus(AuthTtl.ENDED_SESSION_RETENTION)));
        return new CleanupResult(ended, usedTokens);
    }
}
