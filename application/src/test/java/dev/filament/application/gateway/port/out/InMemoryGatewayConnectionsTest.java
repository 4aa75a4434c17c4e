package dev.filament.application.gateway.port.out;

import dev.filament.application.shared.port.out.GatewayEventPublisher;

/** The in-memory gateway keeps the {@link GatewayConnections} contract. */
class InMemoryGatewayConnectionsTest extends GatewayConnectionsContract {

    @Override
    protected Gateway newGateway() {
        InMemoryGatewayConnections gateway = new InMemoryGatewayConnections(2);
        return new Gateway() {
            @Override
            public GatewayConnections connections() {
                return gateway;
            }

            @Override
            public GatewayEventPublisher publisher() {
                return gateway;
            }

            @Override
            public void close() {
                gateway.close();
            }
        };
    }
}
