package dev.filament.application.identity.service;

import dev.filament.application.identity.port.in.AuthenticateRequestUseCase;
import dev.filament.application.identity.port.in.AuthenticatedUser;
import dev.filament.application.identity.port.out.AuthEvents;
import dev.filament.application.identity.port.out.AuthEvents.TokenRejection;
import dev.filament.application.identity.port.out.SessionRepository;
import dev.filament.application.identity.port.out.TokenService;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.identity.Username;
import dev.filament.domain.net.ClientIp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link AuthenticateRequestUseCase}: token check without I/O, then at most one indexed
 * lookup outside any transaction (none when the adapter answers from its live-session cache, SPEC 4.2). */
public final class AuthenticateRequestService implements AuthenticateRequestUseCase {
    private final TokenService tokens;
    private final SessionRepository sessions;
    private final UnitOfWork unitOfWork;
    private final AuthEvents events;
    private final Clock clock;

    public AuthenticateRequestService(TokenService tokens, SessionRepository sessions, UnitOfWork unitOfWork,
                                      AuthEvents events, Clock clock) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public AuthenticatedUser authenticate(AuthenticateRequestCommand command) {
        Instant now = clock.instant();
        AccessClaims claims = switch (command) {
            case AuthenticateRequestCommand.WithToken t -> verify(t.accessToken(), now, t.clientIp());
            case AuthenticateRequestCommand.WithVerifiedClaims v -> v.claims();
        };
        Optional<Username> username =
                unitOfWork.read(() -> sessions.findLive(claims.sid(), claims.sub(), now));
        if (username.isEmpty()) {
            throw rejected(TokenRejection.SESSION_DEAD, command.clientIp());
        }
        return new AuthenticatedUser(claims.sub(), claims.sid(), username.get());
    }

    private AccessClaims verify(String token, Instant now, ClientIp ip) {
        if (token == null || token.isEmpty()) {
            throw rejected(TokenRejection.INVALID, ip);
        }
        try {
            return tokens.verify(token, now);
        } catch (UnauthenticatedException e) {
            TokenRejection reason = "expired".equals(e.reason()) ? TokenRejection.EXPIRED : TokenRejection.INVALID;
            throw rejected(reason, ip);
        }
    }

    private UnauthenticatedException rejected(TokenRejection reason, ClientIp ip) {
        events.tokenRejected(reason, ip);
        return new UnauthenticatedException(reason.wireName());
    }
}
