package dev.filament.application.identity.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.identity.port.out.CaptchaVerifier.Verification;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Contract of every {@link CaptchaVerifier} (SPEC 4.4): the provider's verdict, fail closed, within the bound. */
public abstract class CaptchaVerifierContract {
    protected static final String GOOD = "10000000-aaaa-bbbb-cccc-000000000001";
    protected static final String BAD = "20000000-aaaa-bbbb-cccc-000000000002";
    protected static final String INVALID_RESPONSE = "invalid-input-response";

    /** A verifier whose provider accepts exactly {@code goodToken} and rejects others with {@link #INVALID_RESPONSE}. */
    protected abstract CaptchaVerifier verifierAcceptingOnly(String goodToken);

    @Test
    void aTokenTheProviderAcceptsPasses() {
        Verification v = verifierAcceptingOnly(GOOD).verify(GOOD, "203.0.113.7", Duration.ofSeconds(3));
        assertThat(v.outcome()).isEqualTo(CaptchaOutcome.SUCCESS);
        assertThat(v.passed()).isTrue();
    }

    @Test
    void aTokenTheProviderRejectsFailsWithItsErrorCodes() {
        Verification v = verifierAcceptingOnly(GOOD).verify(BAD, "203.0.113.7", Duration.ofSeconds(3));
        assertThat(v.outcome()).isEqualTo(CaptchaOutcome.REJECTED);
        assertThat(v.passed()).isFalse();
        assertThat(v.errorCodes()).contains(INVALID_RESPONSE);
    }

    @Test
    void aVerificationNeverThrowsAndReturnsWithinItsBound() {
        CaptchaVerifier verifier = verifierAcceptingOnly(GOOD);
        long started = System.nanoTime();
        Verification v = verifier.verify(GOOD, "2001:db8::1", Duration.ofMillis(1));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(v.outcome()).isNotNull();
    }
}
