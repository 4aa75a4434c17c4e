package dev.filament.application.identity.port.in;

import dev.filament.domain.identity.AuthTtl;
import dev.filament.domain.identity.RefreshToken;

/** What login and refresh return: SPEC 4.3 {@code AuthResponse}. Its toString hides both tokens. */
public record AuthResult(String accessToken, RefreshToken refreshToken, long expiresInSecs) {

    public AuthResult {
        if (accessToken == null || accessToken.isEmpty() || refreshToken == null || expiresInSecs <= 0) {
            throw new IllegalArgumentException("authResult: accessToken, refreshToken and expiresInSecs > 0 required");
        }
    }

    public static AuthResult of(String accessToken, RefreshToken refreshToken) {
        return new AuthResult(accessToken, refreshToken, AuthTtl.ACCESS_TOKEN.toSeconds());
    }

    @Override
    public String toString() {
        return "AuthResult[tokens redacted, expiresInSecs=" + expiresInSecs + "]";
    }
}
