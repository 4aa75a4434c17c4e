package dev.filament.application.gateway.port.out;

import dev.filament.application.shared.port.out.GatewayEventPublisher;

/** The in-memory gateway keeps the {@link GatewaySubscriptions} contract. */
class InMemoryGatewaySubscriptionsTest extends GatewaySubscriptionsContract {

    @Override
    protected Gateway newGateway() {
        InMemoryGatewayConnections gateway = new InMemoryGatewayConnections();
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
            public GatewaySubscriptions subscriptions() {
                return gateway;
            }

            @Override
            public void close() {
                gateway.close();
            }
        };
    }
}
