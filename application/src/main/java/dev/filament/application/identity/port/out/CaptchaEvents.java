package dev.filament.application.identity.port.out;

import dev.filament.domain.net.ClientIp;

/**
 * Out-port: log event {@code auth.captcha.verify} ({@code outcome}, {@code error_codes?}, {@code hostname?},
 * {@code score?}, {@code client_ip_source}; never the token or the secret) and the metric
 * {@code filament_captcha_verifications_total{outcome}} (SPEC 4.4).
 */
public interface CaptchaEvents {
    void verified(CaptchaVerifier.Verification verification, ClientIp clientIp);
}
