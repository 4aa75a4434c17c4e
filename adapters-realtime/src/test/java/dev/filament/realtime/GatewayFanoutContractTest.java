package dev.filament.realtime;

import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.shared.port.out.GatewayEventPublisherContract;
import dev.filament.application.gateway.port.out.NoopGatewayMetrics;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Runs the publisher contract against the real fanout, observing through fake client connections. */
class GatewayFanoutContractTest extends GatewayEventPublisherContract {
    private static final Set<String> BOOKKEEPING = Set.of("ready", "unsubscribed", "presence_update");

    @Override
    protected Harness newHarness() {
        // the contract publishes bursts faster than fake clients drain; backpressure has its own tests
        GatewayFanout fanout = new GatewayFanout(GatewayLimits.defaults().withOutboundMaxEvents(10_000),
                new NoopGatewayMetrics(), LastConnectionListener.NONE, new SimpleJsonSerializer());
        fanout.start();
        return new Harness() {
            @Override
            public GatewayEventPublisher publisher() {
                return fanout;
            }

            @Override
            public Observer subscribe(UserId user, GuildId guild, ChannelId channel) {
                RecordingTransport transport = new RecordingTransport();
                ConnectionSession session = fanout.connect(TestIds.connection(), user, TestIds.session(), transport);
                fanout.subscribe(session.id(), guild, channel);
                return (last, timeout) -> observed(transport, last, timeout);
            }

            @Override
            public void close() {
                fanout.close();
            }
        };
    }

    private static List<Observed> observed(RecordingTransport transport, java.util.function.Predicate<Observed> last,
            Duration timeout) {
        try {
            return transport.awaitFrame(f -> last.test(new Observed(f.type(), f.payloadJson())), timeout).stream()
                    .filter(f -> !BOOKKEEPING.contains(f.type()))
                    .map(f -> new Observed(f.type(), f.payloadJson()))
                    .toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
