package dev.filament.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.identity.port.out.AuthEvents.LoginOutcome;
import dev.filament.application.identity.port.out.AuthEvents.LogoutOutcome;
import dev.filament.application.identity.port.out.AuthEvents.RefreshOutcome;
import dev.filament.application.identity.port.out.AuthEvents.RegisterOutcome;
import dev.filament.application.identity.port.out.AuthEvents.TokenRejection;
import dev.filament.domain.net.ClientIp;
import dev.filament.domain.net.IpAddress;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoggingAuthEventsTest {
    private static final ClientIp IP = new ClientIp(IpAddress.parse("203.0.113.7").orElseThrow(),
            ClientIp.Source.PEER);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final LoggingAuthEvents events = new LoggingAuthEvents(registry);

    private double failures(String reason) {
        return PrometheusText.value(registry, "filament_auth_failures_total", Map.of("reason", reason));
    }

    @Test
    void failures_areCountedPerSpecReason() {
        events.login(LoginOutcome.LOCKED, Optional.empty(), IP);
        events.login(LoginOutcome.BAD_PASSWORD, Optional.empty(), IP);
        events.login(LoginOutcome.UNKNOWN_USER, Optional.empty(), IP);
        events.refresh(RefreshOutcome.REPLAY_DETECTED, Optional.empty(), IP);
        events.refresh(RefreshOutcome.INVALID, Optional.empty(), IP);
        events.tokenRejected(TokenRejection.INVALID, IP);
        events.tokenRejected(TokenRejection.EXPIRED, IP);
        events.tokenRejected(TokenRejection.SESSION_DEAD, IP);

        assertThat(failures("locked")).isEqualTo(1.0);
        assertThat(failures("login_failed")).isEqualTo(2.0);
        assertThat(failures("replay_detected")).isEqualTo(1.0);
        assertThat(failures("refresh_failed")).isEqualTo(1.0);
        assertThat(failures("invalid_token")).isEqualTo(1.0);
        assertThat(failures("expired")).isEqualTo(1.0);
        assertThat(failures("session_dead")).isEqualTo(1.0);
    }

    @Test
    void successesAndNonFailures_countNothing() {
        events.register(RegisterOutcome.CREATED, IP);
        events.register(RegisterOutcome.EXISTS, IP);
        events.login(LoginOutcome.SUCCESS, Optional.empty(), IP);
        events.refresh(RefreshOutcome.SUCCESS, Optional.empty(), IP);
        events.logout(LogoutOutcome.SUCCESS, Optional.empty(), IP);

        assertThat(registry.find("filament.auth.failures").counters()).isEmpty();
    }
}
