package dev.filament.redis.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.shared.port.out.RecordingClusterTelemetry;
import dev.filament.application.voice.fakes.TestJson;
import dev.filament.application.voice.service.VoiceEventPayloads;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceRoom;
import dev.filament.redis.RedisAccess;
import io.lettuce.core.RedisURI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC 17.6's voice fallbacks while Redis is unreachable: nothing fails, nothing is registered, nothing published. */
class RedisVoiceFallbackTest {
    private final RecordingClusterTelemetry telemetry = new RecordingClusterTelemetry();
    private final RedisAccess unreachable = RedisAccess.start(RedisURI.create("redis://127.0.0.1:1"), "gone.01X",
            telemetry);
    private final RecordingGatewayEventPublisher events = new RecordingGatewayEventPublisher();
    private final RedisVoiceRegistry registry = new RedisVoiceRegistry(unreachable, telemetry, events,
            new VoiceEventPayloads(new TestJson()));
    private final TestIds ids = new TestIds();

    @AfterEach
    void close() {
        unreachable.close();
    }

    @Test
    void tokensAreStillMintedWithoutRegistry_leaveAndStateDoNothing_syncListsNoOne_theLoopPauses() {
        VoiceRoom room = VoiceRoom.of(ids.newGuildId(), ids.newChannelId());
        VoiceIdentity alice = room.identityOf(ids.newUserId());
        Instant now = Instant.now();

        registry.checkCapacity(alice, now); // no cap check: does not throw
        registry.issue(alice, VoiceGrant.of(true), now, now.plusSeconds(300));
        assertThat(registry.leave(alice, now)).isFalse();
        assertThat(registry.updateState(alice, Optional.of(true), Optional.empty(), now)).isFalse();
        assertThat(registry.participants(room)).isEmpty();
        assertThat(registry.removeUserEverywhere(alice.user(), now)).isZero();

        assertThat(events.events()).isEmpty();
        assertThat(telemetry.counter("filament_redis_fallback_total", Map.of("feature", "voice"))).isEqualTo(6);
        assertThat(new RedisVoiceLeader(unreachable).mayRun()).isFalse();
    }
}
