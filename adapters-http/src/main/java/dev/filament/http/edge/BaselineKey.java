package dev.filament.http.edge;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Finds the user a request's access token names, verifying signature and expiry only (no database), for the
 * baseline limiter key (SPEC 2.3). Implementations store the verified claims on the request for authentication.
 */
@FunctionalInterface
public interface BaselineKey {
    Optional<String> verifiedUserId(Context ctx);

    /** For servers or tests without token support: every request is keyed by IP. */
    BaselineKey IP_ONLY = ctx -> Optional.empty();
}
