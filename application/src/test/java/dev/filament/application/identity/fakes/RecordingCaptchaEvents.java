package dev.filament.application.identity.fakes;

import dev.filament.application.identity.port.out.CaptchaEvents;
import dev.filament.application.identity.port.out.CaptchaOutcome;
import dev.filament.application.identity.port.out.CaptchaVerifier.Verification;
import dev.filament.domain.net.ClientIp;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the outcome of every captcha verification. */
public final class RecordingCaptchaEvents implements CaptchaEvents {
    private final List<CaptchaOutcome> outcomes = new CopyOnWriteArrayList<>();

    @Override
    public void verified(Verification verification, ClientIp clientIp) {
        outcomes.add(verification.outcome());
    }

    public List<CaptchaOutcome> outcomes() {
        return List.copyOf(outcomes);
    }
}
