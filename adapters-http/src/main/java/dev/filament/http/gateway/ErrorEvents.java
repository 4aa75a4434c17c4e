package dev.filament.http.gateway;

import dev.filament.application.gateway.GatewayEvent;
import dev.filament.application.gateway.GatewayEventPublisher;
import dev.filament.domain.id.ConnectionId;
import dev.filament.http.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends the outcome of a failed command as an {@code error} event {@code {code, t, guild_id?, channel_id?}} (SPEC 9.4)
 * through the publisher, so it is ordered with the events the connection's earlier commands published.
 */
public final class ErrorEvents {
    static final String TYPE = "error";

    private final GatewayEventPublisher publisher;
    private final Json json;

    public ErrorEvents(GatewayEventPublisher publisher, Json json) {
        this.publisher = publisher;
        this.json = json;
    }

    void send(ConnectionId connection, ClientCommand command, String code) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("code", code);
        d.put("t", command.type());
        if (command.guild() != null) {
            d.put("guild_id", command.guild().value());
        }
        if (command.channel() != null) {
            d.put("channel_id", command.channel().value());
        }
        publisher.publish(GatewayEvent.of(TYPE, GatewayEvent.Scope.connection(connection), json.write(d)));
    }
}
