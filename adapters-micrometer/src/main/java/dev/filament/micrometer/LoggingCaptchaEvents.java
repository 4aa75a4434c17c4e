package dev.filament.micrometer;

import dev.filament.application.identity.port.out.CaptchaEvents;
import dev.filament.application.identity.port.out.CaptchaVerifier.Verification;
import dev.filament.domain.net.ClientIp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Captcha verifications as log event {@code auth.captcha.verify} and {@code filament_captcha_verifications_total}
 * (SPEC 4.4): outcome, error codes, hostname and score when the provider sent them, the client IP source; never the
 * token or the secret.
 */
public final class LoggingCaptchaEvents implements CaptchaEvents {
    private static final Logger LOG = LoggerFactory.getLogger("filament.auth");
    private final MeterRegistry registry;

    public LoggingCaptchaEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void verified(Verification verification, ClientIp clientIp) {
        String outcome = verification.outcome().wireName();
        LoggingEventBuilder e = LOG.atInfo().addKeyValue("event", "auth.captcha.verify")
                .addKeyValue("outcome", outcome)
                .addKeyValue("client_ip_source", clientIp.source().wireName());
        if (!verification.errorCodes().isEmpty()) {
            e = e.addKeyValue("error_codes", verification.errorCodes());
        }
        if (verification.hostname().isPresent()) {
            e = e.addKeyValue("hostname", verification.hostname().get());
        }
        if (verification.score().isPresent()) {
            e = e.addKeyValue("score", verification.score().get());
        }
        e.log("captcha verification {}", outcome);
        Counter.builder("filament.captcha.verifications").tag("outcome", outcome).register(registry).increment();
    }
}
