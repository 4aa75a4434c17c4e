package dev.filament.postgres.message;

import static dev.filament.postgres.jooq.Tables.MESSAGES;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageContent;
import dev.filament.postgres.jooq.tables.records.MessagesRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jooq.Record;

/** Maps {@code messages} rows; keeps jOOQ types inside this package. Stored times are whole seconds (SPEC 1.3). */
final class MessageRows {
    private MessageRows() {
    }

    static MessagesRecord toRecord(Message m) {
        MessagesRecord r = new MessagesRecord();
        r.setMessageId(m.id().value());
        r.setGuildId(m.guildId().value());
        r.setChannelId(m.channelId().value());
        r.setAuthorId(m.authorId().value());
        r.setContent(m.content().value());
        r.setRevision(m.revision());
        r.setCreatedAt(stored(m.createdAt()));
        r.setEditedAt(m.editedAt().map(MessageRows::stored).orElse(null));
        return r;
    }

    static Message toMessage(Record r) {
        return Message.rebuild(new MessageId(r.get(MESSAGES.MESSAGE_ID)), new GuildId(r.get(MESSAGES.GUILD_ID)),
                new ChannelId(r.get(MESSAGES.CHANNEL_ID)), new UserId(r.get(MESSAGES.AUTHOR_ID)),
                new MessageContent(r.get(MESSAGES.CONTENT)), r.get(MESSAGES.REVISION),
                r.get(MESSAGES.CREATED_AT).toInstant(),
                Optional.ofNullable(r.get(MESSAGES.EDITED_AT)).map(OffsetDateTime::toInstant));
    }

    static OffsetDateTime stored(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }
}
