package dev.filament.http.gateway;

import dev.filament.application.gateway.port.in.GatewayCaller;
import dev.filament.application.gateway.port.in.GatewayCommandHandler;
import dev.filament.domain.error.FilamentException;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import java.util.List;

/** One parsed client command of SPEC 9.4, ready to run on the connection's command worker. */
sealed interface ClientCommand {

    /** The command type {@code t}, echoed in {@code error} events. */
    String type();

    GuildId guild();

    ChannelId channel();

    /** Runs the command; failures are thrown as {@link FilamentException}. */
    void execute(GatewayCommandHandler handler, GatewayCaller caller);

    record Subscribe(GuildId guild, ChannelId channel) implements ClientCommand {
        static final String TYPE = "subscribe";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public void execute(GatewayCommandHandler handler, GatewayCaller caller) {
            handler.subscribe(caller, guild, channel);
        }
    }

    /** {@code attachment_ids} absent or {@code null} is {@code []} (SPEC 8.1, 9.4). */
    record MessageCreate(GuildId guild, ChannelId channel, String content, List<String> attachmentIds)
            implements ClientCommand {
        static final String TYPE = "message_create";

        public MessageCreate {
            attachmentIds = List.copyOf(attachmentIds);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public void execute(GatewayCommandHandler handler, GatewayCaller caller) {
            handler.createMessage(caller, guild, channel, content, attachmentIds);
        }

        @Override
        public String toString() {
            return "MessageCreate[" + guild + ", " + channel + ", content redacted, attachments " + attachmentIds + "]";
        }
    }

    /**
     * A well-shaped command whose value breaks a business rule (e.g. U+0000 in content): reported as an
     * {@code error} event in arrival order, like any command failure, instead of closing the socket.
     */
    record Rejected(String type, GuildId guild, ChannelId channel, FilamentException failure) implements ClientCommand {
        @Override
        public void execute(GatewayCommandHandler handler, GatewayCaller caller) {
            throw failure;
        }
    }
}
