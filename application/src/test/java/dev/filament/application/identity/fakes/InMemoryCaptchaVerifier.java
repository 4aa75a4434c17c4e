package dev.filament.application.identity.fakes;

import dev.filament.application.identity.port.out.CaptchaOutcome;
import dev.filament.application.identity.port.out.CaptchaVerifier;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fake provider: accepts exactly its good token, rejects others with {@code invalid-input-response}; {@link #failWith}
 * forces an outcome (timeout, busy, ...). Records every call.
 */
public final class InMemoryCaptchaVerifier implements CaptchaVerifier {
    private final String goodToken;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile CaptchaOutcome forced;

    public record Call(String token, String remoteIp, Duration bound) {
    }

    public InMemoryCaptchaVerifier(String goodToken) {
        this.goodToken = goodToken;
    }

    @Override
    public Verification verify(String token, String remoteIp, Duration bound) {
        calls.add(new Call(token, remoteIp, bound));
        if (forced != null) {
            return Verification.of(forced);
        }
        return token.equals(goodToken)
                ? new Verification(CaptchaOutcome.SUCCESS, List.of(), Optional.of("localhost"), Optional.empty())
                : new Verification(CaptchaOutcome.REJECTED, List.of("invalid-input-response"), Optional.empty(),
                        Optional.empty());
    }

    public void failWith(CaptchaOutcome outcome) {
        forced = outcome;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }
}
