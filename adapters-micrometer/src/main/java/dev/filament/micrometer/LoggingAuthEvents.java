package dev.filament.micrometer;

import dev.filament.application.identity.port.out.AuthEvents;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/** Auth outcomes as the {@code auth.*} log events of SPEC 14.1 and {@code filament_auth_failures_total}. */
public final class LoggingAuthEvents implements AuthEvents {
    private static final Logger LOG = LoggerFactory.getLogger("filament.auth");
    private final MeterRegistry registry;

    public LoggingAuthEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    private void authFailure(String reason) {
        Counter.builder("filament.auth.failures").tag("reason", reason).register(registry).increment();
    }

    private static LoggingEventBuilder event(String name, String outcomeKey, String outcome, ClientIp ip) {
        return LOG.atInfo().addKeyValue("event", name).addKeyValue(outcomeKey, outcome)
                .addKeyValue("client_ip", ip.address().toString())
                .addKeyValue("client_ip_source", ip.source().wireName());
    }

    @Override
    public void register(RegisterOutcome outcome, ClientIp clientIp) {
        event("auth.register", "outcome", outcome.wireName(), clientIp).log("register");
    }

    @Override
    public void login(LoginOutcome outcome, Optional<UserId> userId, ClientIp clientIp) {
        LoggingEventBuilder e = event("auth.login", "outcome", outcome.wireName(), clientIp);
        userId.ifPresent(u -> e.addKeyValue("user_id", u.value()));
        e.log("login");
        switch (outcome) {
            case LOCKED -> authFailure("locked");
            case SUCCESS -> { }
            default -> authFailure("login_failed");
        }
    }

    @Override
    public void refresh(RefreshOutcome outcome, Optional<SessionId> sessionId, ClientIp clientIp) {
        LoggingEventBuilder e = event("auth.refresh", "outcome", outcome.wireName(), clientIp);
        sessionId.ifPresent(s -> e.addKeyValue("session_id", s.value()));
        e.log("refresh");
        switch (outcome) {
            case REPLAY_DETECTED -> authFailure("replay_detected");
            case INVALID -> authFailure("refresh_failed");
            case SUCCESS -> { }
        }
    }

    @Override
    public void logout(LogoutOutcome outcome, Optional<SessionId> sessionId, ClientIp clientIp) {
        LoggingEventBuilder e = event("auth.logout", "outcome", outcome.wireName(), clientIp);
        sessionId.ifPresent(s -> e.addKeyValue("session_id", s.value()));
        e.log("logout");
    }

    @Override
    public void tokenRejected(TokenRejection reason, ClientIp clientIp) {
        event("auth.token.rejected", "reason", reason.wireName(), clientIp).log("token rejected");
        authFailure(switch (reason) {
            case INVALID -> "invalid_token";
            case EXPIRED -> "expired";
            case SESSION_DEAD -> "session_dead";
        });
    }
}
