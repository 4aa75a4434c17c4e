package dev.filament.realtime;

import static dev.filament.realtime.FanoutFixture.WAIT;
import static dev.filament.realtime.FanoutFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.realtime.FanoutFixture.Client;
import dev.filament.realtime.RecordingTransport.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Resumes racing a publisher (SPEC 9.11, 9.9): across a chain of connections of one gateway session, the frames a
 * client processed up to each resume's {@code resume_seq} plus everything the next connection got form one stream:
 * every event exactly once, in publish order, with consecutive {@code s}.
 */
class GatewayResumeRaceTest {
    private static final int EVENTS = 3_000;

    @Test
    void resumesWhileEventsArePublished_loseNothingAndDuplicateNothing() throws Exception {
        GuildId g = TestIds.guild();
        ChannelId c = TestIds.channel();
        try (FanoutFixture fx = new FanoutFixture(GatewayLimits.defaults().withOutboundMaxEvents(100_000),
                ResumeLimits.defaults().withReplay(100_000, 1L << 30), true)) {
            Client client = fx.connect(TestIds.user());
            client.subscribe(g, c);
            AtomicBoolean publishing = new AtomicBoolean(true);
            Thread publisher = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < EVENTS; i++) {
                    fx.fanout.publish(message(g, c, "e" + i));
                    if (i % 50 == 0) {
                        Thread.yield();
                    }
                }
                publishing.set(false);
            });

            List<Frame> processed = new ArrayList<>();
            for (int round = 0; publishing.get() || round < 2; round++) {
                boolean dropFirst = round % 2 == 0; // alternately: socket lost first, or old socket still open
                if (dropFirst) {
                    fx.fanout.disconnect(client.session().id(), CloseReason.CONNECTION_LOST);
                    client.session().awaitClosed(WAIT);
                }
                List<Frame> seen = client.transport().frames();
                long resumeSeq = seen.getLast().sequence();
                processed.addAll(seen);
                Client next = fx.resume(client.user(), client.session().session(), client.resumeKey(), resumeSeq);
                next.transport().awaitFrame(f -> f.type().equals("resumed"), WAIT);
                client = next;
                Thread.sleep(2);
            }
            publisher.join();
            processed.addAll(client.awaitMarker("e" + (EVENTS - 1)));

            List<Frame> stream = dedupeBySequence(processed);
            for (int i = 0; i < stream.size(); i++) {
                assertThat(stream.get(i).sequence()).as("s of frame %d", i).isEqualTo(i + 1L);
            }
            List<String> markers = stream.stream().filter(f -> f.type().equals("message_create"))
                    .map(Frame::payloadJson).toList();
            assertThat(markers).containsExactlyElementsOf(
                    IntStream.range(0, EVENTS).mapToObj(i -> "{\"m\":\"e" + i + "\"}").toList());
        }
    }

    // A client processes each s once: frames a replay sends again must carry the same event as the first copy.
    private static List<Frame> dedupeBySequence(List<Frame> frames) {
        List<Frame> out = new ArrayList<>();
        for (Frame f : frames) {
            if (!out.isEmpty() && f.sequence() <= out.getLast().sequence()) {
                Frame first = out.stream().filter(o -> o.sequence() == f.sequence()).findFirst().orElseThrow();
                assertThat(f).as("s=%d sent twice with different content", f.sequence()).isEqualTo(first);
                continue;
            }
            out.add(f);
        }
        return out;
    }
}
