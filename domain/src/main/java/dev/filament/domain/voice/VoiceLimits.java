package dev.filament.domain.voice;

import java.time.Duration;

/** The fixed voice values of SPEC 11 and 13 ("voice TTL 300 s; voice caps 1024/512") and of the sync loop (11.5). */
public final class VoiceLimits {
    /** Lifetime of a voice token and of the registry entry it creates; never more. */
    public static final Duration TOKEN_TTL = Duration.ofSeconds(300);
    public static final int MAX_ACTIVE_CHANNELS = 1024;
    public static final int MAX_PARTICIPANTS_PER_CHANNEL = 512;
    public static final Duration SYNC_INTERVAL = Duration.ofSeconds(15);
    public static final Duration LIVEKIT_CALL_TIMEOUT = Duration.ofSeconds(5);
    /** A participant missing from LiveKit is removed only when its last token is older than this. */
    public static final Duration ABSENT_GRACE = Duration.ofSeconds(30);

    private VoiceLimits() {
    }
}
