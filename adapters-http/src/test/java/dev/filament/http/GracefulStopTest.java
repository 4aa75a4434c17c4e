package dev.filament.http;

import dev.filament.application.shared.testing.Eventually;
import dev.filament.http.testing.HttpFixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Graceful stop: a request already in its handler completes; the server then stops. */
class GracefulStopTest {

    @Test
    void inFlightRequestFinishesWhileTheServerStops() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpFixture server = HttpFixture.builder().routes(r -> r.get("/work", ctx -> {
            entered.countDown();
            release.await(5, TimeUnit.SECONDS);
            ctx.result("done");
        })).start();
        CompletableFuture<HttpResponse<String>> inFlight = server.client.sendAsync(server.request("/work").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
        var jetty = server.app.jettyServer().server();
        // wait for the stop to begin, so the request is still in flight during it
        Eventually.until("the stop begins", Duration.ofSeconds(5), () -> jetty.isStopping() || jetty.isStopped());
        assertThat(jetty.isStopping()).as("stop waits for the in-flight request").isTrue();
        release.countDown();

        HttpResponse<String> r = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("done");
        stopping.get(10, TimeUnit.SECONDS);
        assertThat(server.app.jettyServer().server().isStopped()).isTrue();
    }
}
