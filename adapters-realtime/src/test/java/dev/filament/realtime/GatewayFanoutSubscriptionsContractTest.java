package dev.filament.realtime;

import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.gateway.port.out.GatewayConnections;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.gateway.port.out.GatewaySubscriptions;
import dev.filament.application.gateway.port.out.GatewaySubscriptionsContract;
import dev.filament.application.gateway.port.out.NoopGatewayMetrics;

/** The real fanout keeps the {@link GatewaySubscriptions} contract its in-memory fake keeps. */
class GatewayFanoutSubscriptionsContractTest extends GatewaySubscriptionsContract {

    @Override
    protected Gateway newGateway() {
        GatewayFanout fanout = new GatewayFanout(GatewayLimits.defaults(), new NoopGatewayMetrics(), user -> { },
                new SimpleJsonSerializer());
        fanout.start();
        return new Gateway() {
            @Override
            public GatewayConnections connections() {
                return fanout;
            }

            @Override
            public GatewayEventPublisher publisher() {
                return fanout;
            }

            @Override
            public GatewaySubscriptions subscriptions() {
                return fanout;
            }

            @Override
            public void close() {
                fanout.close();
            }
        };
    }
}
