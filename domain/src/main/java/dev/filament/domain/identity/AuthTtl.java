package dev.filament.domain.identity;

import java.time.Duration;

/** The fixed lifetimes of SPEC 4.2. */
public final class AuthTtl {
    /** Access token lifetime; also the {@code expires_in_secs} of every AuthResponse. */
    public static final Duration ACCESS_TOKEN = Duration.ofSeconds(900);
    /** A session's expiry slides to now + this on creation and on every rotation. */
    public static final Duration REFRESH_SLIDING = Duration.ofDays(30);
    /** How long a rotated-away refresh hash is remembered for replay detection. */
    public static final Duration USED_TOKEN_MEMORY = Duration.ofDays(30).plusHours(1);
    /** How long an expired or revoked session row is kept before the cleanup job deletes it. */
    public static final Duration ENDED_SESSION_RETENTION = Duration.ofDays(30);
    /** Tolerated clock skew for an access token's {@code iat} lying in the future. */
    public static final Duration MAX_ISSUED_AT_SKEW = Duration.ofSeconds(60);

    private AuthTtl() {
    }
}
