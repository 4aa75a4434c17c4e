package dev.filament.postgres.message;

import static dev.filament.postgres.jooq.Tables.MESSAGES;

import dev.filament.application.message.port.out.MessageRepository;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageContent;
import dev.filament.domain.message.StoredMessage;
import dev.filament.postgres.JooqUnitOfWork;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * PostgreSQL {@link MessageRepository} over {@code messages}. Every statement runs on the unit of work's context, so
 * it joins the caller's transaction. Pages walk the index {@code (channel_id, message_id DESC)}; {@link #findAll} uses
 * {@code (guild_id, message_id)}.
 */
public final class JooqMessageRepository implements MessageRepository {
    private final DSLContext dsl;

    public JooqMessageRepository(JooqUnitOfWork unitOfWork) {
        this.dsl = unitOfWork.dsl();
    }

    @Override
    public void insert(Message message) {
        dsl.insertInto(MESSAGES).set(MessageRows.toRecord(message)).execute();
    }

    @Override
    public Optional<Message> find(ChannelId channel, MessageId message) {
        return dsl.selectFrom(MESSAGES).where(inChannel(channel, message)).fetchOptional()
                .map(MessageRows::toMessage);
    }

    @Override
    public Optional<Message> lock(ChannelId channel, MessageId message) {
        return dsl.selectFrom(MESSAGES).where(inChannel(channel, message)).forUpdate().fetchOptional()
                .map(MessageRows::toMessage);
    }

    @Override
    public List<StoredMessage> page(ChannelId channel, Optional<MessageId> before, int limit, UserId viewer) {
        Condition where = MESSAGES.CHANNEL_ID.eq(channel.value());
        if (before.isPresent()) {
            where = where.and(MESSAGES.MESSAGE_ID.lt(before.get().value()));
        }
        StoredColumns columns = new StoredColumns(viewer);
        return dsl.select(columns.fields()).from(MESSAGES).where(where)
                .orderBy(MESSAGES.MESSAGE_ID.desc()).limit(limit)
                .fetch(columns::read);
    }

    @Override
    public Optional<StoredMessage> edit(ChannelId channel, MessageId message, MessageContent content,
                                        Instant editedAt, UserId viewer) {
        StoredColumns columns = new StoredColumns(viewer);
        return dsl.update(MESSAGES)
                .set(MESSAGES.CONTENT, content.value())
                .set(MESSAGES.EDITED_AT, MessageRows.stored(editedAt))
                .set(MESSAGES.REVISION, MESSAGES.REVISION.plus(1))
                .where(inChannel(channel, message))
                .returningResult(columns.fields())
                .fetchOptional()
                .map(columns::read);
    }

    @Override
    public boolean delete(ChannelId channel, MessageId message) {
        // one statement: the attachment rows (the V4 trigger queues their blobs), then the message (reactions cascade)
        return dsl.execute("""
                WITH gone AS (DELETE FROM attachments WHERE message_id = {0} AND channel_id = {1})
                DELETE FROM messages WHERE message_id = {0} AND channel_id = {1}""",
                DSL.val(message.value()), DSL.val(channel.value())) == 1;
    }

    @Override
    public List<StoredMessage> findAll(GuildId guild, Collection<MessageId> ids, UserId viewer) {
        if (ids.isEmpty()) {
            return List.of();
        }
        StoredColumns columns = new StoredColumns(viewer);
        return dsl.select(columns.fields()).from(MESSAGES)
                .where(MESSAGES.GUILD_ID.eq(guild.value()))
                .and(MESSAGES.MESSAGE_ID.in(ids.stream().map(MessageId::value).distinct().toList()))
                .fetch(columns::read);
    }

    private static Condition inChannel(ChannelId channel, MessageId message) {
        return MESSAGES.MESSAGE_ID.eq(message.value()).and(MESSAGES.CHANNEL_ID.eq(channel.value()));
    }
}
