package dev.filament.http.gateway;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.wire.ConnectionEvent;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.http.json.Json;
import java.util.Optional;

/**
 * Sends the outcome of a failed command as an {@code error} event {@code {code, t, guild_id?, channel_id?}} (SPEC 9.4)
 * through the publisher, so it is ordered with the events the connection's earlier commands published.
 */
public final class ErrorEvents {
    static final String TYPE = ConnectionEvent.Error.TYPE;

    private final GatewayEventPublisher publisher;
    private final Json json;

    public ErrorEvents(GatewayEventPublisher publisher, Json json) {
        this.publisher = publisher;
        this.json = json;
    }

    void send(ConnectionId connection, ClientCommand command, String code) {
        ConnectionEvent.Error d = new ConnectionEvent.Error(code, command.type(),
                Optional.ofNullable(command.guild()).map(GuildId::value),
                Optional.ofNullable(command.channel()).map(ChannelId::value));
        publisher.publish(GatewayEvent.of(d, GatewayEvent.Scope.connection(connection), json::write));
    }
}
