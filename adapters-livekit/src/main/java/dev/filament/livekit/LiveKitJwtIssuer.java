package dev.filament.livekit;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.filament.application.voice.port.out.VoiceToken;
import dev.filament.application.voice.port.out.VoiceTokenIssuer;
import dev.filament.domain.identity.Username;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceLimits;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link VoiceTokenIssuer} minting LiveKit access tokens (SPEC 11.2): HS256 with the API secret; claims exactly
 * {@code iss} (API key), {@code sub} (identity), {@code name} (username), {@code nbf} (now), {@code exp} (now + 300 s)
 * and the {@code video} grant. Pure CPU; thread-safe.
 */
public final class LiveKitJwtIssuer implements VoiceTokenIssuer {
    private final LiveKitCredentials credentials;
    private final Algorithm hmac;

    public LiveKitJwtIssuer(LiveKitCredentials credentials) {
        this.credentials = credentials;
        this.hmac = Algorithm.HMAC256(credentials.apiSecret());
    }

    @Override
    public VoiceToken issue(VoiceIdentity identity, Username name, VoiceGrant grant, Instant now) {
        // JWT times are whole seconds: truncate first so exp - nbf is exactly the TTL
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(VoiceLimits.TOKEN_TTL);
        String token = JWT.create()
                .withIssuer(credentials.apiKey())
                .withSubject(identity.value())
                .withClaim("name", name.value())
                .withNotBefore(issuedAt)
                .withExpiresAt(expiresAt)
                .withClaim("video", video(identity, grant))
                .sign(hmac);
        return new VoiceToken(token, credentials.url(), issuedAt, expiresAt);
    }

    private static Map<String, Object> video(VoiceIdentity identity, VoiceGrant grant) {
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("roomJoin", true);
        video.put("room", identity.room().name());
        video.put("canPublish", grant.canPublish());
        video.put("canSubscribe", grant.canSubscribe());
        video.put("canPublishData", grant.canPublish());
        video.put("canPublishSources", grant.sourceWireNames());
        return video;
    }
}
