package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.sun.net.httpserver.HttpServer;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SPEC 4.4 end to end: register against a local stub of hCaptcha's siteverify (no network). */
@ExtendWith(PostgresExtension.class)
class CaptchaE2ETest {
    private static final String GOOD = "P1_e2e-good-token-0123456789";

    @Test
    void registerTakesAVerifiedCaptchaAndFailsClosedOtherwise(TestDatabase db) throws Exception {
        List<String> forms = new CopyOnWriteArrayList<>();
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/siteverify", ex -> {
            String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            forms.add(form);
            byte[] answer = (form.contains("response=" + GOOD) && form.contains("secret=e2e-secret")
                    ? "{\"success\":true,\"hostname\":\"e2e\"}"
                    : "{\"success\":false,\"error-codes\":[\"invalid-input-response\"]}").getBytes();
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        stub.start();
        String url = "http://127.0.0.1:" + stub.getAddress().getPort() + "/siteverify";
        try (RunningServer s = RunningServer.start(db, Map.of("FILAMENT_HCAPTCHA_SITE_KEY", "e2e-site",
                "FILAMENT_HCAPTCHA_SECRET", "e2e-secret", "FILAMENT_HCAPTCHA_VERIFY_URL", url));
             LogCapture logs = new LogCapture()) {
            String name = IdentityE2ETest.name();
            String creds = IdentityE2ETest.creds(name);
            String withToken = creds.substring(0, creds.length() - 1) + ",\"captcha_token\":\"" + GOOD + "\"}";
            String withBadToken = creds.substring(0, creds.length() - 1)
                    + ",\"captcha_token\":\"P1_bad-token-0123456789\"}";

            HttpResponse<String> missing = s.postJson("/auth/register", creds);
            assertThat(missing.statusCode()).isEqualTo(403);
            assertThat(missing.body()).contains("\"error\":\"captcha_failed\"");
            assertThat(s.postJson("/auth/register", withBadToken).statusCode()).isEqualTo(403);
            HttpResponse<String> ok = s.postJson("/auth/register", withToken);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(IdentityE2ETest.login(s, name).get("access_token").asText()).isNotEmpty();
            assertThat(s.postJson("/auth/login", creds).statusCode()).as("login takes no captcha").isEqualTo(200);

            assertThat(forms).hasSize(2).allSatisfy(f -> assertThat(f).contains("sitekey=e2e-site")
                    .contains("remoteip=127.0.0.1"));
            List<ILoggingEvent> verified = logs.withEvent("auth.captcha.verify");
            assertThat(verified).extracting(e -> LogCapture.field(e, "outcome").orElseThrow())
                    .containsExactly("missing_token", "rejected", "success");
            assertThat(verified).allSatisfy(e -> assertThat(e.getFormattedMessage() + e.getKeyValuePairs())
                    .doesNotContain(GOOD).doesNotContain("e2e-secret"));
        } finally {
            stub.stop(0);
        }
    }
}
