package dev.filament.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.identity.fakes.InMemoryCaptchaVerifier;
import dev.filament.application.identity.fakes.RecordingCaptchaEvents;
import dev.filament.application.identity.port.out.CaptchaOutcome;
import dev.filament.application.identity.service.CaptchaGate;
import dev.filament.application.shared.RequestBudget;
import dev.filament.http.testing.HttpFixture;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 4.4 at the route: captcha_token is parsed (string or null), and the captcha answers 403 before validation. */
class CaptchaRoutesTest {
    private static final String GOOD = "P1_route-good-token-0123456789";
    private static final InMemoryCaptchaVerifier VERIFIER = new InMemoryCaptchaVerifier(GOOD);
    private static final RecordingCaptchaEvents EVENTS = new RecordingCaptchaEvents();
    private static IdentityFixture f;

    @BeforeAll
    static void start() {
        f = new IdentityFixture(1000, CaptchaGate.enabled(VERIFIER, EVENTS, new RequestBudget()));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String body(String name, String password, String tokenJson) {
        return "{\"username\":\"" + name + "\",\"password\":\"" + password + "\""
                + (tokenJson == null ? "" : ",\"captcha_token\":" + tokenJson) + "}";
    }

    private static String name() {
        return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void aVerifiedTokenRegisters() throws Exception {
        assertThat(f.http.postJson("/auth/register", body(name(), "correct horse battery", "\"" + GOOD + "\""))
                .body()).isEqualTo("{\"accepted\":true}");
    }

    @Test
    void aMissingNullOrRejectedTokenIs403CaptchaFailedEvenWithInvalidCredentials() throws Exception {
        HttpFixture.error(f.http.postJson("/auth/register", body(name(), "correct horse battery", null)), 403,
                "captcha_failed");
        HttpFixture.error(f.http.postJson("/auth/register", body("x", "short", "null")), 403, "captcha_failed");
        HttpFixture.error(f.http.postJson("/auth/register", body(name(), "correct horse battery",
                "\"P1_rejected-token-0123456789\"")), 403, "captcha_failed");
        HttpFixture.error(f.http.postJson("/auth/register", body(name(), "correct horse battery", "\"short\"")),
                403, "captcha_failed");
        assertThat(EVENTS.outcomes()).contains(CaptchaOutcome.MISSING_TOKEN, CaptchaOutcome.REJECTED,
                CaptchaOutcome.INVALID_TOKEN);
    }

    @Test
    void aPassedCaptchaStillLetsValidationAnswer400() throws Exception {
        HttpFixture.error(f.http.postJson("/auth/register", body("x", "correct horse battery", "\"" + GOOD + "\"")),
                400, "invalid_request");
    }

    @Test
    void aTokenThatIsNotAStringIs422() throws Exception {
        assertThat(f.http.postJson("/auth/register", body(name(), "correct horse battery", "42")).statusCode())
                .isEqualTo(422);
    }
}
