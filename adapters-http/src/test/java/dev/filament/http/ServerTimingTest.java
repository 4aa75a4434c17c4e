package dev.filament.http;

import dev.filament.http.testing.HttpFixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.RequestTimings;
import java.net.http.HttpResponse;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** SPEC 14.3: Server-Timing with all five phases only when FILAMENT_DEBUG_REQUEST_TIMINGS is on. */
class ServerTimingTest {

    @Test
    void headerCarriesEveryPhaseWithOneDecimalWhenEnabled() throws Exception {
        HttpFixture[] holder = new HttpFixture[1];
        try (HttpFixture server = HttpFixture.builder().debugTimings(true).routes(r -> r.get("/dbwork", ctx -> {
            holder[0].timings.time(RequestTimings.Phase.DB, () -> atLeast(20_000_000));
            ctx.result("ok");
        })).start()) {
            holder[0] = server;
            HttpResponse<String> r = server.get("/dbwork");
            String timing = r.headers().firstValue("Server-Timing").orElseThrow();
            assertThat(timing).matches("auth;dur=\\d+\\.\\d, db;dur=\\d+\\.\\d, fanout;dur=\\d+\\.\\d, "
                    + "search_enqueue;dur=\\d+\\.\\d, total;dur=\\d+\\.\\d");
            double db = Double.parseDouble(timing.replaceAll(".*db;dur=([0-9.]+).*", "$1"));
            assertThat(db).isGreaterThanOrEqualTo(20.0);
            assertThat(timing).contains("auth;dur=0.0").contains("fanout;dur=0.0");
            assertThat(server.get("/nope").headers().firstValue("Server-Timing")).as("errors too").isPresent();
        }
    }

    /** Waits at least {@code nanos}: parkNanos alone may return early. */
    private static void atLeast(long nanos) {
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    @Test
    void noHeaderWhenDisabled() throws Exception {
        try (HttpFixture server = HttpFixture.builder().start()) {
            assertThat(server.get("/health").headers().firstValue("Server-Timing")).isEmpty();
        }
    }
}
