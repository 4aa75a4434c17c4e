package dev.filament.application.gateway.commands;

import dev.filament.application.gateway.GatewayCaller;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;

/**
 * Out-port: the message use case as the gateway {@code message_create} command reaches it (SPEC 9.4). The wiring
 * adapts it to the message feature's create use case, so the command follows exactly the rules of
 * {@code POST .../messages}; the implementation publishes {@code message_create} to the channel and returns nothing
 * to the sender.
 *
 * <p>Threading: called on the connection's command worker inside its request budget; may block on the database.
 * Failures are thrown as {@link dev.filament.domain.error.FilamentException} subtypes with the REST route's code.
 */
@FunctionalInterface
public interface GatewayMessageCreator {

    /** Creates {@code content} in the channel as {@code caller}, checking IP bans on {@code surface}. */
    void create(GatewayCaller caller, GuildId guild, ChannelId channel, String content, IpBanSurface surface);
}
