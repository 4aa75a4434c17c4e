package dev.filament.application.message.service;

import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.ChannelAccess;
import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageView;
import dev.filament.domain.message.StoredMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What the message services share: the channel ladder of SPEC 8.1, the stored clock and the tokenised view. */
final class MessageSupport {
    private MessageSupport() {
    }

    /** Inside the route's transaction: {@code G}, {@code C}, {@code CP(create_message)} (SPEC 8.1). */
    static ChannelAccess readableChannel(AccessLadder ladder, UserId user, GuildId guild, ChannelId channel) {
        return ladder.channel(ladder.guild(user, guild), channel).require(Permission.CREATE_MESSAGE);
    }

    /** Now in whole seconds, the resolution of every stored time (SPEC 12). */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The message with its markdown tokens (a pure function of the content, SPEC 8.2). */
    static MessageView view(MarkdownTokenizer markdown, Message message) {
        return view(markdown, StoredMessage.bare(message));
    }

    /** As read for the caller: with its markdown tokens and its reactions. */
    static MessageView view(MarkdownTokenizer markdown, StoredMessage stored) {
        return MessageView.of(stored, markdown.tokenize(stored.message().content().value()));
    }
}
