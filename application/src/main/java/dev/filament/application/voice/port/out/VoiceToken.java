package dev.filament.application.voice.port.out;

import dev.filament.domain.voice.VoiceLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A minted LiveKit access token (SPEC 11.2) with the server URL clients connect to. Its lifetime is positive and never
 * more than {@link VoiceLimits#TOKEN_TTL}. {@link #toString()} never shows the token.
 */
public record VoiceToken(String token, String liveKitUrl, Instant issuedAt, Instant expiresAt) {

    public VoiceToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(liveKitUrl, "liveKitUrl");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Duration ttl = Duration.between(issuedAt, expiresAt);
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(VoiceLimits.TOKEN_TTL) > 0) {
            throw new IllegalArgumentException("expiresAt must be within (issuedAt, issuedAt + 300 s]");
        }
    }

    /** {@code expires_in_secs} of the response. */
    public long expiresInSecs() {
        return Duration.between(issuedAt, expiresAt).toSeconds();
    }

    @Override
    public String toString() {
        return "VoiceToken[token=<redacted>, liveKitUrl=" + liveKitUrl + ", expiresAt=" + expiresAt + "]";
    }
}
