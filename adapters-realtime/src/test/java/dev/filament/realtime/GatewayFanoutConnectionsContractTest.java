package dev.filament.realtime;

import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.gateway.port.out.GatewayConnections;
import dev.filament.application.gateway.port.out.GatewayConnectionsContract;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.gateway.port.out.NoopGatewayMetrics;

/** The real fanout keeps the {@link GatewayConnections} contract its in-memory fake keeps. */
class GatewayFanoutConnectionsContractTest extends GatewayConnectionsContract {

    @Override
    protected Gateway newGateway() {
        GatewayLimits d = GatewayLimits.defaults();
        GatewayLimits twoSubscriptions = new GatewayLimits(d.outboundMaxEvents(), d.outboundMaxBytes(),
                d.writeTimeout(), 2, d.dispatchCapacity(), d.tickInterval());
        GatewayFanout fanout = new GatewayFanout(twoSubscriptions, new NoopGatewayMetrics(), user -> { },
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
            public void close() {
                fanout.close();
            }
        };
    }
}
