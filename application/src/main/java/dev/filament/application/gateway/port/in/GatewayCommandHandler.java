package dev.filament.application.gateway.port.in;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import java.util.List;

/**
 * In-port: the client commands of SPEC 9.4, already parsed and validated as to shape by the transport binding.
 *
 * <p>Threading: called on the connection's own command worker, one command at a time per connection, in arrival
 * order; never on the socket reader. A call may block on the database; the caller has opened a request budget of
 * {@code FILAMENT_REQUEST_TIMEOUT_MS} on the calling thread and interrupts it when the budget runs out.
 *
 * <p>Failures are thrown as {@link dev.filament.domain.error.FilamentException} subtypes with the code the matching
 * REST route would answer ({@code not_found}, {@code forbidden}, {@code quota_exceeded}, ...); the binding turns each
 * into an {@code error} event on the connection and keeps the socket open. Success output (events) goes through the
 * gateway publisher; nothing is returned.
 */
public interface GatewayCommandHandler {

    /**
     * {@code subscribe}: ladder {@code G}, {@code IP(gateway.subscribe)}, {@code C}, {@code CP(create_message)}; on
     * success (idempotent) adds the subscription and sends {@code subscribed}, {@code presence_sync} and
     * {@code voice_participant_sync} to the connection, then {@code presence_update online} when the user just came
     * online in the guild.
     */
    void subscribe(GatewayCaller caller, GuildId guild, ChannelId channel);

    /**
     * {@code message_create}: exactly the rules of {@code POST .../messages} with IP surface
     * {@code gateway.message_create}, {@code attachment_ids} included ({@code []} when the command had none).
     */
    void createMessage(GatewayCaller caller, GuildId guild, ChannelId channel, String content,
                       List<String> attachmentIds);
}
