package dev.filament.http;

import java.time.Duration;
import java.util.Optional;

/** What the HTTP edge needs from configuration (SPEC 13). */
public record HttpSettings(
        String host,
        int port,
        Duration requestTimeout,
        long maxBodyBytes,
        boolean debugRoutes,
        boolean debugTimings,
        Optional<String> metricsToken) {

    public HttpSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1");
        }
        metricsToken = metricsToken == null ? Optional.empty() : metricsToken;
    }
}
