package dev.filament.application.voice.port.out;

import dev.filament.domain.error.UnavailableException;
import dev.filament.domain.identity.Username;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import java.time.Instant;

/**
 * Out-port: mints the LiveKit access token of a voice grant (SPEC 11.2). Pure CPU work of microseconds, no I/O;
 * thread-safe. The token is valid from {@code now} and expires at {@code now + 300 s}, never later.
 */
public interface VoiceTokenIssuer {

    /** Used when LiveKit key and secret are not configured: {@link #configured()} is false, minting is a 503. */
    VoiceTokenIssuer UNCONFIGURED = new VoiceTokenIssuer() {
        @Override
        public boolean configured() {
            return false;
        }

        @Override
        public VoiceToken issue(VoiceIdentity identity, Username name, VoiceGrant grant, Instant now) {
            throw new UnavailableException(UnavailableException.VOICE_UNAVAILABLE, "livekit");
        }
    };

    /** Whether LiveKit key and secret are set (SPEC 11.1 step 5); when false, callers answer 503 voice_unavailable. */
    default boolean configured() {
        return true;
    }

    /**
     * A token letting {@code identity} (display name {@code name}) join {@code identity.room()} with {@code grant}.
     *
     * @throws UnavailableException {@code voice_unavailable} when not {@link #configured()}
     */
    VoiceToken issue(VoiceIdentity identity, Username name, VoiceGrant grant, Instant now);
}
