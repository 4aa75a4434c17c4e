package dev.filament.application.identity.service;

import static dev.filament.application.identity.service.IdentityFixture.IP;
import static dev.filament.application.identity.service.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.identity.fakes.InMemoryCaptchaVerifier;
import dev.filament.application.identity.fakes.RecordingCaptchaEvents;
import dev.filament.application.identity.port.in.RegisterUserUseCase.RegisterUserCommand;
import dev.filament.application.identity.port.out.CaptchaOutcome;
import dev.filament.application.shared.RequestBudget;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.identity.Username;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC 4.4 on register: the captcha runs after the body and before validation, and fails closed. */
class CaptchaGateTest {
    private static final String GOOD = "P1_good-token-0123456789";

    private final IdentityFixture f = new IdentityFixture();
    private final InMemoryCaptchaVerifier verifier = new InMemoryCaptchaVerifier(GOOD);
    private final RecordingCaptchaEvents captchaEvents = new RecordingCaptchaEvents();
    private final RequestBudget budget = new RequestBudget();
    private final RegisterUserService register = new RegisterUserService(f.users, f.hasher, f.unitOfWork, f.ids,
            f.events, f.clock, CaptchaGate.enabled(verifier, captchaEvents, budget));

    @AfterEach
    void close() {
        f.close();
    }

    private void assertCaptchaFailed(String name, String token, CaptchaOutcome outcome) {
        assertThatThrownBy(() -> register.register(new RegisterUserCommand(name, PASSWORD, IP, token)))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.code()).isEqualTo("captcha_failed"));
        assertThat(captchaEvents.outcomes()).last().isEqualTo(outcome);
    }

    @Test
    void aVerifiedTokenRegistersAndTheVerifierGetsTheClientIpAndA3sBound() {
        register.register(new RegisterUserCommand("alice", PASSWORD, IP, GOOD));

        assertThat(f.users.findByUsernameCanonical(new Username("alice"))).isPresent();
        assertThat(verifier.calls()).singleElement().satisfies(c -> {
            assertThat(c.token()).isEqualTo(GOOD);
            assertThat(c.remoteIp()).isEqualTo("203.0.113.7");
            assertThat(c.bound()).isEqualTo(Duration.ofSeconds(3));
        });
        assertThat(captchaEvents.outcomes()).containsExactly(CaptchaOutcome.SUCCESS);
    }

    @Test
    void theBoundIsCutToTheRemainingBudget() {
        try (RequestBudget.Budget open = budget.open(Duration.ofMillis(900))) {
            register.register(new RegisterUserCommand("bob", PASSWORD, IP, GOOD));
        }
        assertThat(verifier.calls().get(0).bound()).isLessThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aMissingTokenIsRefusedBeforeValidationAndWithoutAVerification() {
        assertCaptchaFailed("x", null, CaptchaOutcome.MISSING_TOKEN); // "x" is no valid username: 403 wins
        assertThat(verifier.calls()).isEmpty();
        assertThat(f.hasher.hashes()).isZero();
    }

    @Test
    void aMalformedTokenIsRefusedWithoutAVerification() {
        assertCaptchaFailed("carol", "a".repeat(19), CaptchaOutcome.INVALID_TOKEN);
        assertCaptchaFailed("carol", "a".repeat(4097), CaptchaOutcome.INVALID_TOKEN);
        assertCaptchaFailed("carol", "a".repeat(19) + " ", CaptchaOutcome.INVALID_TOKEN);
        assertCaptchaFailed("carol", "a".repeat(19) + "\u00e9", CaptchaOutcome.INVALID_TOKEN);
        assertThat(verifier.calls()).isEmpty();
        // 4096 chars of 0x21-0x7E is well formed: it goes to the provider (which rejects it here)
        assertCaptchaFailed("carol", "!~".repeat(2048), CaptchaOutcome.REJECTED);
        assertThat(verifier.calls()).hasSize(1);
    }

    @Test
    void everyFailedVerificationIsCaptchaFailed() {
        assertCaptchaFailed("dave", "P1_rejected-token-0123456789", CaptchaOutcome.REJECTED);
        for (CaptchaOutcome forced : new CaptchaOutcome[] {CaptchaOutcome.TIMEOUT, CaptchaOutcome.BUSY,
                CaptchaOutcome.BAD_STATUS, CaptchaOutcome.BAD_BODY, CaptchaOutcome.REQUEST_ERROR}) {
            verifier.failWith(forced);
            assertCaptchaFailed("dave", GOOD, forced);
        }
        assertThat(f.users.count()).isZero();
    }

    @Test
    void aVerifiedTokenIsSpentEvenWhenValidationThenFails() {
        assertThatThrownBy(() -> register.register(new RegisterUserCommand("x", PASSWORD, IP, GOOD)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(verifier.calls()).hasSize(1);
    }

    @Test
    void disabledIgnoresTheToken() {
        f.register.register(new RegisterUserCommand("erin", PASSWORD, IP, null));
        f.register.register(new RegisterUserCommand("frank", PASSWORD, IP, "short"));
        assertThat(f.users.count()).isEqualTo(2);
        assertThat(CaptchaGate.DISABLED.isEnabled()).isFalse();
    }
}
