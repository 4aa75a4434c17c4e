package dev.filament.livekit;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Short-lived server API tokens for LiveKit's room service, signed with the same key and secret. Thread-safe. */
final class LiveKitAdminTokens {
    static final Duration TTL = Duration.ofSeconds(60);

    private final String apiKey;
    private final Algorithm hmac;
    private final Clock clock;

    LiveKitAdminTokens(LiveKitCredentials credentials, Clock clock) {
        this.apiKey = credentials.apiKey();
        this.hmac = Algorithm.HMAC256(credentials.apiSecret());
        this.clock = clock;
    }

    /** Grant {@code {roomAdmin: true, room}}: list and remove the room's participants. */
    String roomAdmin(String room) {
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("roomAdmin", true);
        video.put("room", room);
        return sign(video);
    }

    /** Grant {@code {roomList: true}}: list rooms. */
    String roomList() {
        return sign(Map.of("roomList", true));
    }

    private String sign(Map<String, Object> video) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return JWT.create().withIssuer(apiKey).withNotBefore(now).withExpiresAt(now.plus(TTL))
                .withClaim("video", video).sign(hmac);
    }
}
