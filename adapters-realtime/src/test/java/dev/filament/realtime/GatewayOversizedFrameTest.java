package dev.filament.realtime;

import static dev.filament.realtime.FanoutFixture.WAIT;
import static dev.filament.realtime.FanoutFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.gateway.port.out.RecordingGatewayMetrics;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.realtime.FanoutFixture.Client;
import dev.filament.realtime.RecordingTransport.Frame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC 9.3: a frame over 65536 bytes (envelope included) is not queued: no {@code s}, no replay, counted per connection. */
class GatewayOversizedFrameTest {
    private static final String TYPE = "message_create";

    @Test
    void aFrameOverTheCap_isNotSent_takesNoSequence_andIsCountedOncePerConnection() throws Exception {
        GuildId g = TestIds.guild();
        ChannelId c = TestIds.channel();
        try (FanoutFixture fx = FanoutFixture.started()) {
            List<Client> clients = List.of(fx.connect(TestIds.user()), fx.connect(TestIds.user()));
            clients.forEach(cl -> cl.subscribe(g, c));
            long s = 2; // both clients: ready is s=1, so the frames below take s=2 on
            fx.fanout.publish(sized(g, c, "atCap", 65_536, s));
            fx.fanout.publish(sized(g, c, "overCap", 65_537, s + 1));
            fx.fanout.publish(message(g, c, "next"));

            for (Client client : clients) {
                List<Frame> frames = client.awaitMarker("next");
                assertThat(frames).extracting(Frame::sequence).containsExactly(1L, 2L, 3L);
                assertThat(frames.get(1).payloadJson()).startsWith("{\"m\":\"atCap");
                assertThat(frames.get(2).payloadJson()).isEqualTo("{\"m\":\"next\"}");
            }
            assertThat(fx.metrics.counter(RecordingGatewayMetrics.DROPPED,
                    Map.of("scope", "channel", "event_type", TYPE, "reason", "oversized"))).isEqualTo(2);
        }
    }

    // An event whose frame, sent with sequence s, is exactly {@code frameBytes} long.
    private static GatewayEvent sized(GuildId g, ChannelId c, String marker, int frameBytes, long s) {
        String envelope = "{\"v\":1,\"t\":\"" + TYPE + "\",\"d\":,\"s\":" + s + "}";
        String empty = "{\"m\":\"" + marker + "\"}";
        int filler = frameBytes - envelope.getBytes(StandardCharsets.UTF_8).length - empty.length();
        String payload = "{\"m\":\"" + marker + "x".repeat(filler) + "\"}";
        assertThat((envelope.length() + payload.length())).isEqualTo(frameBytes);
        return GatewayEvent.of(TYPE, GatewayEvent.Scope.channel(g, c), payload);
    }

    @Test
    void theCapCountsUtf8Bytes() {
        String payload = "{\"m\":\"" + "é".repeat(40_000) + "\"}"; // 80 000 bytes, 40 000 chars
        assertThat(OutboundFrame.exactSize(OutboundFrame.serializedSize(TYPE, payload), 7))
                .isGreaterThan(65_536);
        assertThat(WAIT).isPositive();
    }
}
