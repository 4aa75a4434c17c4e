package dev.filament.application.voice.fakes;

import dev.filament.application.voice.port.out.VoiceToken;
import dev.filament.application.voice.port.out.VoiceTokenIssuer;
import dev.filament.domain.identity.Username;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Fake {@link VoiceTokenIssuer}: returns {@code voice-token-N} tokens valid for 300 s and records every mint. */
public final class RecordingVoiceTokenIssuer implements VoiceTokenIssuer {
    public static final String URL = "ws://livekit.test:7880";

    private final List<Minted> minted = new ArrayList<>();

    /** One recorded mint. */
    public record Minted(VoiceIdentity identity, Username name, VoiceGrant grant, Instant now, String token) {
    }

    @Override
    public synchronized VoiceToken issue(VoiceIdentity identity, Username name, VoiceGrant grant, Instant now) {
        String token = "voice-token-" + (minted.size() + 1);
        minted.add(new Minted(identity, name, grant, now, token));
        return new VoiceToken(token, URL, now, now.plus(VoiceLimits.TOKEN_TTL));
    }

    public synchronized List<Minted> minted() {
        return List.copyOf(minted);
    }
}
