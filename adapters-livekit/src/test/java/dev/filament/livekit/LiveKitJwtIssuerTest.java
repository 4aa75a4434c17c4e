package dev.filament.livekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.filament.application.voice.port.out.VoiceToken;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.Username;
import dev.filament.domain.voice.StreamSource;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveKitJwtIssuerTest {
    private static final String KEY = "APIkey123";
    private static final String SECRET = "a-livekit-secret-of-reasonable-length-0123456789";
    private static final LiveKitCredentials CREDENTIALS = new LiveKitCredentials(KEY, SECRET, "wss://lk.example.org");
    private static final VoiceRoom ROOM = VoiceRoom.of(GuildId.of("01J0000000000000000000000G"),
            ChannelId.of("01J0000000000000000000000C"));
    private static final VoiceIdentity ALICE = ROOM.identityOf(UserId.of("01J0000000000000000000000A"));

    private final LiveKitJwtIssuer issuer = new LiveKitJwtIssuer(CREDENTIALS);

    private static DecodedJWT verified(String token, String secret) {
        return JWT.require(Algorithm.HMAC256(secret)).withIssuer(KEY).build().verify(token);
    }

    @Test
    void token_isHs256SignedWithTheSecret_andCarriesExactlyTheSpecClaims() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        VoiceToken token = issuer.issue(ALICE, new Username("Alice_1"),
                VoiceGrant.of(true, StreamSource.CAMERA, StreamSource.MICROPHONE), now);

        DecodedJWT jwt = verified(token.token(), SECRET);
        assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
        assertThat(jwt.getClaims().keySet()).containsExactlyInAnyOrder("iss", "sub", "name", "nbf", "exp", "video");
        assertThat(jwt.getIssuer()).isEqualTo(KEY);
        assertThat(jwt.getSubject()).isEqualTo(ALICE.value());
        assertThat(jwt.getClaim("name").asString()).isEqualTo("Alice_1");
        assertThat(jwt.getNotBeforeAsInstant()).isEqualTo(now);
        assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(now.plusSeconds(300));
        assertThat(jwt.getClaim("video").asMap()).isEqualTo(Map.of("roomJoin", true, "room", ROOM.name(),
                "canPublish", true, "canSubscribe", true, "canPublishData", true,
                "canPublishSources", List.of("microphone", "camera")));
        assertThat(token.liveKitUrl()).isEqualTo("wss://lk.example.org");
        assertThat(token.expiresInSecs()).isEqualTo(300);
        assertThat(token.expiresAt()).isEqualTo(now.plusSeconds(300));
    }

    @Test
    void subscribeOnlyGrant_cannotPublishAnything() {
        VoiceToken token = issuer.issue(ALICE, new Username("alice"), VoiceGrant.of(true), Instant.now());

        Map<String, Object> video = verified(token.token(), SECRET).getClaim("video").asMap();
        assertThat(video).containsEntry("canPublish", false).containsEntry("canPublishData", false)
                .containsEntry("canSubscribe", true).containsEntry("canPublishSources", List.of());
    }

    @Test
    void ttlIsExactly300Seconds_evenWithASubSecondClock() {
        Instant now = Instant.now().plusMillis(999).plusNanos(123);

        VoiceToken token = issuer.issue(ALICE, new Username("alice"), VoiceGrant.of(false, StreamSource.MICROPHONE),
                now);

        DecodedJWT jwt = JWT.decode(token.token());
        assertThat(jwt.getExpiresAtAsInstant().getEpochSecond() - jwt.getNotBeforeAsInstant().getEpochSecond())
                .isEqualTo(300);
        assertThat(jwt.getNotBeforeAsInstant()).isEqualTo(now.truncatedTo(ChronoUnit.SECONDS));
        assertThat(token.issuedAt()).isEqualTo(jwt.getNotBeforeAsInstant());
    }

    @Test
    void anotherSecret_failsVerification() {
        VoiceToken token = issuer.issue(ALICE, new Username("alice"), VoiceGrant.of(true), Instant.now());

        assertThatThrownBy(() -> verified(token.token(), SECRET + "x"))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void credentials_hideTheSecret_andMapTheUrlToTheApiBase() {
        assertThat(CREDENTIALS.toString()).doesNotContain(SECRET);
        assertThat(CREDENTIALS.apiBase().toString()).isEqualTo("https://lk.example.org");
        assertThat(new LiveKitCredentials(KEY, SECRET, "ws://127.0.0.1:7880/").apiBase().toString())
                .isEqualTo("http://127.0.0.1:7880");
        assertThatThrownBy(() -> new LiveKitCredentials(KEY, SECRET, "http://x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LiveKitCredentials(KEY, " ", "ws://x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
