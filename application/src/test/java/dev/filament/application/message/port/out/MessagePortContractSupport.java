package dev.filament.application.message.port.out;

import dev.filament.application.guild.port.out.GuildPortContractSupport;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.ChannelName;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageContent;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the message-feature contracts share: a message repository joined to the guild ports of the same store (guilds,
 * channels and users are the messages' foreign keys) and helpers to create channels and messages.
 */
public abstract class MessagePortContractSupport extends GuildPortContractSupport {
    protected MessageRepository messages;

    /** The repository under test, joined to {@code store}'s unit of work. */
    protected abstract MessageRepository createMessages(GuildPorts store);

    @BeforeEach
    void setUpMessagePorts() {
        messages = createMessages(store);
    }

    protected Channel newChannel(Guild guild) {
        Channel c = new Channel(ids.newChannelId(), guild.id(), ChannelName.of("general"), ChannelKind.TEXT, T0);
        run(() -> store.channels().insert(c));
        return c;
    }

    protected Message post(Channel channel, UserId author, String content, Instant at) {
        Message m = Message.post(ids.newMessageId(), channel.guildId(), channel.id(), author,
                new MessageContent(content), at);
        run(() -> messages.insert(m));
        return m;
    }
}
