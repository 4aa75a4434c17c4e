package dev.filament.application.identity.service;

import dev.filament.application.identity.port.out.CaptchaEvents;
import dev.filament.application.identity.port.out.CaptchaOutcome;
import dev.filament.application.identity.port.out.CaptchaVerifier;
import dev.filament.application.identity.port.out.CaptchaVerifier.Verification;
import dev.filament.application.shared.RequestBudget;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.net.ClientIp;
import java.time.Duration;
import java.util.Objects;

/**
 * The captcha step of register (SPEC 4.4), run after the body is parsed and before username and password are
 * validated. Disabled ({@link #DISABLED}): the token is ignored. Enabled: a missing or malformed token, or any
 * verification that did not pass, is 403 {@code captcha_failed}; every outcome is reported to {@link CaptchaEvents}.
 */
public final class CaptchaGate {
    /** The shared bound of one verification, slot wait included (SPEC 2.2, 4.4). */
    public static final Duration BOUND = Duration.ofSeconds(3);
    public static final String CAPTCHA_FAILED = "captcha_failed";
    /** No captcha configured: {@link #check} accepts everything. */
    public static final CaptchaGate DISABLED = new CaptchaGate(null, null, null);

    private final CaptchaVerifier verifier;
    private final CaptchaEvents events;
    private final RequestBudget budget;

    private CaptchaGate(CaptchaVerifier verifier, CaptchaEvents events, RequestBudget budget) {
        this.verifier = verifier;
        this.events = events;
        this.budget = budget;
    }

    /** Captcha on register, verified by {@code verifier} within 3 s cut to the request's remaining budget. */
    public static CaptchaGate enabled(CaptchaVerifier verifier, CaptchaEvents events, RequestBudget budget) {
        return new CaptchaGate(Objects.requireNonNull(verifier, "verifier"), Objects.requireNonNull(events, "events"),
                Objects.requireNonNull(budget, "budget"));
    }

    public boolean isEnabled() {
        return verifier != null;
    }

    /** Passes or throws 403 {@code captcha_failed}; {@code token} is null when absent or JSON null. */
    public void check(String token, ClientIp clientIp) {
        if (!isEnabled()) {
            return;
        }
        Verification verification;
        if (token == null) {
            verification = Verification.of(CaptchaOutcome.MISSING_TOKEN);
        } else if (!wellFormed(token)) {
            verification = Verification.of(CaptchaOutcome.INVALID_TOKEN);
        } else {
            verification = verifier.verify(token, clientIp.address().toString(), budget.cut(BOUND));
        }
        events.verified(verification, clientIp);
        if (!verification.passed()) {
            throw new ForbiddenException(CAPTCHA_FAILED, "captcha " + verification.outcome().wireName());
        }
    }

    /** 20..4096 chars, all in 0x21-0x7E. */
    static boolean wellFormed(String token) {
        if (token.length() < 20 || token.length() > 4096) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
