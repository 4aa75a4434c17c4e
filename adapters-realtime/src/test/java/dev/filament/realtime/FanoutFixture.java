package dev.filament.realtime;

import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.gateway.port.out.GatewayConnections.SubscribeOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.gateway.port.out.RecordingGatewayMetrics;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A gateway fanout with recording metrics and fake clients, closed after each test. */
final class FanoutFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    final RecordingGatewayMetrics metrics = new RecordingGatewayMetrics();
    final List<UserId> lastConnectionClosed = new CopyOnWriteArrayList<>();
    final GatewayFanout fanout;

    FanoutFixture(GatewayLimits limits, boolean start) {
        this(limits, ResumeLimits.defaults(), start);
    }

    FanoutFixture(GatewayLimits limits, ResumeLimits resume, boolean start) {
        fanout = new GatewayFanout(limits, resume, metrics, lastConnectionClosed::add, new SimpleJsonSerializer());
        if (start) {
            fanout.start();
        }
    }

    static FanoutFixture started() {
        return new FanoutFixture(GatewayLimits.defaults(), true);
    }

    Client connect(UserId user) {
        return connect(user, TestIds.session());
    }

    Client connect(UserId user, SessionId session) {
        RecordingTransport transport = new RecordingTransport();
        return new Client(fanout.connect(TestIds.connection(), user, session, transport), transport, this);
    }

    /** A new connection of {@code user} and {@code session} that asks to resume {@code key} after {@code seq}. */
    Client resume(UserId user, SessionId session, String key, long seq) {
        RecordingTransport transport = new RecordingTransport();
        return new Client(fanout.resume(TestIds.connection(), user, session, transport, key, seq), transport, this);
    }

    static GatewayEvent message(GuildId guild, ChannelId channel, String marker) {
        return GatewayEvent.of("message_create", GatewayEvent.Scope.channel(guild, channel),
                "{\"m\":\"" + marker + "\"}");
    }

    static boolean isMarker(RecordingTransport.Frame frame, String marker) {
        return frame.payloadJson().equals("{\"m\":\"" + marker + "\"}");
    }

    /** Asserts frames carry s = 1, 2, 3, ... with no gap, {@code ready} first. */
    static void assertConsecutive(List<RecordingTransport.Frame> frames) {
        assertThat(frames.getFirst().type()).isEqualTo("ready");
        for (int i = 0; i < frames.size(); i++) {
            assertThat(frames.get(i).sequence()).as("s of frame %d", i).isEqualTo(i + 1L);
        }
    }

    @Override
    public void close() {
        fanout.close();
    }

    /** One connected fake client. */
    record Client(ConnectionSession session, RecordingTransport transport, FanoutFixture fixture) {
        SubscribeOutcome subscribe(GuildId guild, ChannelId channel) {
            return fixture.fanout.subscribe(session.id(), guild, channel);
        }

        List<RecordingTransport.Frame> awaitMarker(String marker) throws InterruptedException {
            return transport.awaitFrame(f -> isMarker(f, marker), WAIT);
        }

        UserId user() {
            return session.user();
        }

        /** The resume key of the latest {@code ready} or {@code resumed} frame received. */
        String resumeKey() {
            List<RecordingTransport.Frame> frames = transport.frames();
            for (int i = frames.size() - 1; i >= 0; i--) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"resume_key\":\"([A-Za-z0-9_-]{43})\"")
                        .matcher(frames.get(i).payloadJson());
                if (m.find()) {
                    return m.group(1);
                }
            }
            throw new AssertionError("no resume key received");
        }

        long lastSequence() {
            return transport.frames().getLast().sequence();
        }
    }
}
