package dev.filament.application.identity.port.out;

import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.util.Locale;
import java.util.Optional;

/**
 * Out-port: the auth log events of SPEC 14.1 ({@code auth.register}, {@code auth.login}, {@code auth.refresh},
 * {@code auth.logout}, {@code auth.token.rejected}). Never blocks, never throws; never receives a secret.
 */
public interface AuthEvents {

    void register(RegisterOutcome outcome, ClientIp clientIp);

    void login(LoginOutcome outcome, Optional<UserId> userId, ClientIp clientIp);

    void refresh(RefreshOutcome outcome, Optional<SessionId> sessionId, ClientIp clientIp);

    void logout(LogoutOutcome outcome, Optional<SessionId> sessionId, ClientIp clientIp);

    void tokenRejected(TokenRejection reason, ClientIp clientIp);

    enum RegisterOutcome { CREATED, EXISTS, INVALID; public String wireName() { return wire(this); } }

    enum LoginOutcome { SUCCESS, UNKNOWN_USER, BAD_PASSWORD, LOCKED, INVALID; public String wireName() { return wire(this); } }

    enum RefreshOutcome { SUCCESS, INVALID, REPLAY_DETECTED; public String wireName() { return wire(this); } }

    enum LogoutOutcome { SUCCESS, ALREADY_REVOKED, INVALID; public String wireName() { return wire(this); } }

    enum TokenRejection { INVALID, EXPIRED, SESSION_DEAD; public String wireName() { return wire(this); } }

    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
