package dev.filament.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.identity.port.out.CaptchaOutcome;
import dev.filament.application.identity.port.out.CaptchaVerifier.Verification;
import dev.filament.domain.net.ClientIp;
import dev.filament.domain.net.IpAddress;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoggingCaptchaEventsTest {
    private static final ClientIp IP = new ClientIp(IpAddress.parse("203.0.113.7").orElseThrow(),
            ClientIp.Source.PEER);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final LoggingCaptchaEvents events = new LoggingCaptchaEvents(registry);

    @Test
    void everyOutcomeIsCountedUnderItsSpecName() {
        events.verified(Verification.of(CaptchaOutcome.SUCCESS), IP);
        events.verified(new Verification(CaptchaOutcome.REJECTED, List.of("invalid-input-response"),
                Optional.of("filament.test"), Optional.of(0.5)), IP);
        events.verified(new Verification(CaptchaOutcome.REJECTED, List.of(), Optional.empty(), Optional.empty()), IP);
        events.verified(Verification.of(CaptchaOutcome.MISSING_TOKEN), IP);

        assertThat(count("success")).isEqualTo(1.0);
        assertThat(count("rejected")).isEqualTo(2.0);
        assertThat(count("missing_token")).isEqualTo(1.0);
    }

    private double count(String outcome) {
        return PrometheusText.value(registry, "filament_captcha_verifications_total", Map.of("outcome", outcome));
    }
}
