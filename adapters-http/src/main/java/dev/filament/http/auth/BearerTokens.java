package dev.filament.http.auth;

import io.javalin.http.Context;
import java.util.Optional;

/** Where an access token travels: {@code Authorization: Bearer} (scheme case-insensitive), or for the gateway upgrade
 *  only, the {@code access_token} query parameter when the header is absent (SPEC 4.2, 9.1). */
public final class BearerTokens {
    static final String GATEWAY_PATH = "/gateway/ws";
    private static final String SCHEME = "bearer ";

    private BearerTokens() {
    }

    public static Optional<String> fromHeader(String header) {
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = header.substring(SCHEME.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    public static Optional<String> of(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null) {
            return fromHeader(header);
        }
        if (GATEWAY_PATH.equals(ctx.path())) {
            return Optional.ofNullable(ctx.queryParam("access_token")).filter(t -> !t.isEmpty());
        }
        return Optional.empty();
    }
}
