package dev.filament.domain.identity;

import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.Ulid;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A refresh token {@code <session_id>.<43 chars base64url without padding of 32 random bytes>} (SPEC 4.2). The whole
 * string as the client sent it is hashed, so the session prefix is bound to the secret. Never printed.
 */
public final class RefreshToken {
    public static final int SECRET_BYTES = 32;
    public static final int MAX_LENGTH = 512;
    private static final Pattern SECRET = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SessionId sessionId;
    private final String value;

    private RefreshToken(SessionId sessionId, String value) {
        this.sessionId = sessionId;
        this.value = value;
    }

    /** A new token for {@code sessionId} from 32 fresh random bytes. */
    public static RefreshToken issue(SessionId sessionId, byte[] randomBytes) {
        if (sessionId == null || randomBytes == null || randomBytes.length != SECRET_BYTES) {
            throw new IllegalArgumentException("refreshToken needs a sessionId and 32 random bytes");
        }
        return new RefreshToken(sessionId, sessionId.value() + "." + ENCODER.encodeToString(randomBytes));
    }

    /** The token when {@code raw} is 1..512 chars of the documented shape, else empty. */
    public static Optional<RefreshToken> parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = raw.indexOf('.');
        if (dot < 0 || !SECRET.matcher(raw.substring(dot + 1)).matches()) {
            return Optional.empty();
        }
        return Ulid.parse(raw.substring(0, dot)).map(id -> new RefreshToken(new SessionId(id), raw));
    }

    public SessionId sessionId() {
        return sessionId;
    }

    /** The string handed to the client; only the HTTP response may carry it. */
    public String value() {
        return value;
    }

    public RefreshTokenHash hash() {
        return RefreshTokenHash.digest(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RefreshToken other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "RefreshToken[session=" + sessionId + ", secret redacted]";
    }
}
