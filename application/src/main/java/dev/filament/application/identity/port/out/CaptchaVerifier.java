package dev.filament.application.identity.port.out;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Out-port: verifies an hCaptcha token with the provider (SPEC 4.4). Fails closed: every failure is an outcome,
 * never an exception. The whole call (waiting for one of the 64 verification slots, connecting, sending and reading)
 * finishes within {@code bound}.
 */
public interface CaptchaVerifier {

    /**
     * @param token    the client's token (already checked: 20..4096 chars of 0x21-0x7E)
     * @param remoteIp the client IP of SPEC 2.5, as text
     * @param bound    the shared bound: 3 s cut to the remaining request budget
     */
    Verification verify(String token, String remoteIp, Duration bound);

    /** The provider's verdict and what is logged of it. */
    record Verification(CaptchaOutcome outcome, List<String> errorCodes, Optional<String> hostname,
                        Optional<Double> score) {
        public Verification {
            Objects.requireNonNull(outcome, "outcome");
            errorCodes = List.copyOf(errorCodes);
            Objects.requireNonNull(hostname, "hostname");
            Objects.requireNonNull(score, "score");
        }

        public static Verification of(CaptchaOutcome outcome) {
            return new Verification(outcome, List.of(), Optional.empty(), Optional.empty());
        }

        public boolean passed() {
            return outcome == CaptchaOutcome.SUCCESS;
        }
    }
}
