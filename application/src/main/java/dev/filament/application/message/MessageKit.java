package dev.filament.application.message;

import dev.filament.application.guild.port.out.ChannelRepository;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.Audits;
import dev.filament.application.guild.service.ChannelAccess;
import dev.filament.application.guild.service.StoredTime;
import dev.filament.application.port.out.UnitOfWork;
import dev.filament.application.search.SearchOutbox;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.IdGenerator;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What every message and search service uses: the guild feature's unit of work, channel table, access ladder, audit
 * writer, ids and clock, the message table, the search outbox, the markdown tokenizer and the message hand-offs. Built
 * once by the wiring.
 */
public record MessageKit(UnitOfWork unitOfWork, ChannelRepository channels, AccessLadder ladder, Audits audits,
                         IdGenerator ids, Clock clock, MessageRepository messages, SearchOutbox outbox,
                         MarkdownTokenizer markdown, MessageHandOffs handOffs) {
    public MessageKit {
        Objects.requireNonNull(unitOfWork, "unitOfWork");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(audits, "audits");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(handOffs, "handOffs");
    }

    /** Ladder steps {@code G} and {@code IP(surface)} in their own transaction, before the route's (SPEC 5.5). */
    public void screen(UserId user, GuildId guild, ClientIp clientIp, IpBanSurface surface) {
        ladder.screen(user, guild, clientIp, surface);
    }

    /** Inside the route's transaction: {@code G}, {@code C}, {@code CP(create_message)} (SPEC 8.1). */
    public ChannelAccess readableChannel(UserId user, GuildId guild, ChannelId channel) {
        return ladder.channel(ladder.guild(user, guild), channel).require(Permission.CREATE_MESSAGE);
    }

    public <T> T tx(Supplier<T> work) {
        return unitOfWork.inTransaction(work);
    }

    public Instant now() {
        return StoredTime.now(clock);
    }

    /** The message with its markdown tokens (a pure function of the content, SPEC 8.2). */
    public MessageView view(Message message) {
        return new MessageView(message, markdown.tokenize(message.content().value()));
    }
}
