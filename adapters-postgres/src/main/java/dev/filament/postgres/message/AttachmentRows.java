package dev.filament.postgres.message;

import static dev.filament.postgres.jooq.Tables.ATTACHMENTS;
import static dev.filament.postgres.jooq.Tables.MESSAGES;

import dev.filament.domain.id.AttachmentId;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Attachment;
import dev.filament.domain.message.AttachmentFilename;
import dev.filament.domain.message.Message;
import dev.filament.postgres.jooq.tables.records.AttachmentsRecord;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Maps {@code attachments} rows, and reads a message's bound attachments as one column of the message's own statement
 * (SPEC 8.1: never a query per message): a correlated subquery aggregating them into a {@code text[]} by id, each
 * element {@code id TAB owner TAB mime TAB size TAB sha256 TAB created_at_unix TAB filename}. Tabs are safe separators:
 * a filename has no control character (SPEC 8.5) and the other fields are ids, types, numbers and hex.
 */
final class AttachmentRows {
    private static final String AGGREGATE = """
            (SELECT coalesce(array_agg(a.attachment_id || chr(9) || a.owner_id || chr(9) || a.mime_type || chr(9)
                     || a.size_bytes || chr(9) || a.sha256_hex || chr(9) || extract(epoch FROM a.created_at)::bigint
                     || chr(9) || a.filename ORDER BY a.attachment_id COLLATE "C"), '{}'::text[])
             FROM attachments a WHERE a.message_id = {0})""";

    private AttachmentRows() {
    }

    /** The column for the row of {@code messages} in the statement. */
    static Field<String[]> column() {
        return DSL.field(AGGREGATE, String[].class, MESSAGES.MESSAGE_ID);
    }

    /** The elements of {@link #column} for {@code message}. */
    static List<Attachment> parse(Message message, String[] lines) {
        return lines == null ? List.of() : Arrays.stream(lines).map(l -> attachment(message, l)).toList();
    }

    private static Attachment attachment(Message m, String line) {
        String[] p = line.split("\t", 7);
        return new Attachment(new AttachmentId(p[0]), m.guildId(), m.channelId(), new UserId(p[1]),
                Optional.of(m.id()), new AttachmentFilename(p[6]), p[2], Long.parseLong(p[3]), p[4],
                java.time.Instant.ofEpochSecond(Long.parseLong(p[5])));
    }

    static AttachmentsRecord toRecord(Attachment a) {
        AttachmentsRecord r = new AttachmentsRecord();
        r.setAttachmentId(a.id().value());
        r.setGuildId(a.guildId().value());
        r.setChannelId(a.channelId().value());
        r.setOwnerId(a.ownerId().value());
        r.setMessageId(a.messageId().map(MessageId::value).orElse(null));
        r.setFilename(a.filename().value());
        r.setMimeType(a.mimeType());
        r.setSizeBytes(a.sizeBytes());
        r.setSha256Hex(a.sha256Hex());
        r.setObjectKey(a.objectKey());
        r.setCreatedAt(MessageRows.stored(a.createdAt()));
        return r;
    }

    static Attachment toAttachment(Record r) {
        return new Attachment(new AttachmentId(r.get(ATTACHMENTS.ATTACHMENT_ID)),
                new GuildId(r.get(ATTACHMENTS.GUILD_ID)), new ChannelId(r.get(ATTACHMENTS.CHANNEL_ID)),
                new UserId(r.get(ATTACHMENTS.OWNER_ID)),
                Optional.ofNullable(r.get(ATTACHMENTS.MESSAGE_ID)).map(MessageId::new),
                new AttachmentFilename(r.get(ATTACHMENTS.FILENAME)), r.get(ATTACHMENTS.MIME_TYPE),
                r.get(ATTACHMENTS.SIZE_BYTES), r.get(ATTACHMENTS.SHA256_HEX),
                r.get(ATTACHMENTS.CREATED_AT, OffsetDateTime.class).toInstant());
    }
}
