package dev.filament.http.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Origin allowlist semantics (SPEC 9.1) and the SPEC defaults of the binding. */
class GatewaySettingsTest {

    @Test
    void anEmptyAllowlist_allowsEveryOrigin() {
        GatewaySettings open = GatewaySettings.of(Duration.ofSeconds(10), 60, Duration.ofSeconds(10), Set.of());

        assertThat(open.allowsOrigin("https://anything.example")).isTrue();
        assertThat(open.allowsOrigin(null)).isTrue();
    }

    @Test
    void aNonEmptyAllowlist_matchesExactly_andAllowsRequestsWithoutOrigin() {
        GatewaySettings strict = GatewaySettings.of(Duration.ofSeconds(10), 60, Duration.ofSeconds(10),
                Set.of("https://app.example.com"));

        assertThat(strict.allowsOrigin("https://app.example.com")).isTrue();
        assertThat(strict.allowsOrigin("https://app.example.com:443")).isFalse();
        assertThat(strict.allowsOrigin("http://app.example.com")).isFalse();
        assertThat(strict.allowsOrigin(null)).isTrue();
    }

    @Test
    void specDefaults_andTheHeartbeatTick() {
        GatewaySettings s = GatewaySettings.of(Duration.ofSeconds(10), 60, Duration.ofSeconds(10), Set.of());

        assertThat(s.maxMessageBytes()).isEqualTo(65_536);
        assertThat(s.pingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.pongTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.sessionRecheck()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.heartbeatTick()).isEqualTo(Duration.ofSeconds(15));
        assertThatThrownBy(() -> s.withHeartbeat(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
