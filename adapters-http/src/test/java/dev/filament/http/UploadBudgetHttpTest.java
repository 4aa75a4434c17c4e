package dev.filament.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.http.edge.DeadlineWrapper;
import dev.filament.http.testing.HttpFixture;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 2.2: raw-body upload routes run under the upload budget max(120 s, request budget), other routes do not. */
class UploadBudgetHttpTest {
    private static HttpFixture server;

    private static void pause() throws InterruptedException {
        Thread.sleep(700);
    }

    @BeforeAll
    static void start() {
        server = HttpFixture.builder().budget(Duration.ofMillis(300))
                .routes(r -> r.postUpload("/test/slow-upload", 1000, ctx -> {
                    pause();
                    ctx.json(java.util.Map.of("done", true));
                }))
                .routes(r -> r.post("/test/slow-json", ctx -> {
                    pause();
                    ctx.json(java.util.Map.of("done", true));
                }))
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUploadRouteOutlivesTheRequestBudgetAndOtherRoutesDoNot() throws Exception {
        HttpResponse<String> upload = server.send(server.request("/test/slow-upload")
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);

        HttpFixture.error(server.send(server.request("/test/slow-json")
                .POST(HttpRequest.BodyPublishers.ofString("x"))), 408, "request_timeout");
    }

    @Test
    void theUploadBudgetIsAtLeast120Seconds() {
        var budget = new dev.filament.application.shared.RequestBudget();
        try (DeadlineWrapper short_ = new DeadlineWrapper(Duration.ofSeconds(10), budget);
             DeadlineWrapper long_ = new DeadlineWrapper(Duration.ofSeconds(200), budget)) {
            assertThat(short_.uploadBudget()).isEqualTo(Duration.ofSeconds(120));
            assertThat(long_.uploadBudget()).isEqualTo(Duration.ofSeconds(200));
        }
    }
}
