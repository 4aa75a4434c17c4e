package dev.filament.http.gateway;

import dev.filament.application.gateway.GatewayCommandHandler;
import dev.filament.application.gateway.GatewayConnections;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/** What every gateway connection of the binding shares: settings, parsers, ports, timers and meters. */
record ConnectionServices(
        GatewaySettings settings,
        InboundReader reader,
        GatewayConnections connections,
        GatewayCommandHandler commands,
        CommandDeadline deadline,
        ErrorEvents errors,
        GatewayAuthenticator authenticator,
        GatewayIngressMetrics metrics,
        ScheduledExecutorService timer,
        Clock clock) {
}
