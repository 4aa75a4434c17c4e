package dev.filament.application.identity.port.out;

import java.util.Locale;

/** The {@code outcome} of log event {@code auth.captcha.verify} and of {@code filament_captcha_verifications_total}. */
public enum CaptchaOutcome {
    SUCCESS, MISSING_TOKEN, INVALID_TOKEN, REQUEST_ERROR, TIMEOUT, BAD_STATUS, BAD_BODY, REJECTED, BUSY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
