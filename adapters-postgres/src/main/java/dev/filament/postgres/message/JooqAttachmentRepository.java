package dev.filament.postgres.message;

import static dev.filament.postgres.jooq.Tables.ATTACHMENTS;
import static dev.filament.postgres.jooq.Tables.USERS;

import dev.filament.application.message.port.out.AttachmentRepository;
import dev.filament.domain.id.AttachmentId;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Attachment;
import dev.filament.domain.message.Message;
import dev.filament.postgres.JooqUnitOfWork;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * PostgreSQL {@link AttachmentRepository} over {@code attachments} (SPEC 12.1 V4); the table's {@code AFTER DELETE}
 * trigger queues every deleted row's key in {@code blob_gc} in the same transaction. The quota sum walks the index
 * {@code (owner_id) INCLUDE (size_bytes)}; the sweeper the partial index on unbound {@code created_at}.
 */
public final class JooqAttachmentRepository implements AttachmentRepository {
    private final DSLContext dsl;

    public JooqAttachmentRepository(JooqUnitOfWork unitOfWork) {
        this.dsl = unitOfWork.dsl();
    }

    @Override
    public long usageBytes(UserId owner) {
        return dsl.select(usageOf(DSL.val(owner.value()))).fetchOne().value1().longValue();
    }

    @Override
    public long lockOwnerAndSumUsage(UserId owner) {
        // two statements on purpose: under READ COMMITTED a sum inside the locking statement would read that
        // statement's snapshot, taken before the lock wait, and miss the upload that held the lock (W2)
        dsl.selectOne().from(USERS).where(USERS.USER_ID.eq(owner.value())).forUpdate().execute();
        return usageBytes(owner);
    }

    private static Field<BigDecimal> usageOf(Field<String> owner) {
        return DSL.field(DSL.select(DSL.coalesce(DSL.sum(ATTACHMENTS.SIZE_BYTES), BigDecimal.ZERO))
                .from(ATTACHMENTS).where(ATTACHMENTS.OWNER_ID.eq(owner)));
    }

    @Override
    public void insert(Attachment attachment) {
        dsl.insertInto(ATTACHMENTS).set(AttachmentRows.toRecord(attachment)).execute();
    }

    @Override
    public Optional<Attachment> find(ChannelId channel, AttachmentId attachment) {
        return dsl.selectFrom(ATTACHMENTS).where(inChannel(channel, attachment)).fetchOptional()
                .map(AttachmentRows::toAttachment);
    }

    @Override
    public Optional<Attachment> lock(ChannelId channel, AttachmentId attachment) {
        return dsl.selectFrom(ATTACHMENTS).where(inChannel(channel, attachment)).forUpdate().fetchOptional()
                .map(AttachmentRows::toAttachment);
    }

    @Override
    public List<Attachment> bind(Message message, Set<AttachmentId> ids) {
        return dsl.update(ATTACHMENTS)
                .set(ATTACHMENTS.MESSAGE_ID, message.id().value())
                .where(ATTACHMENTS.ATTACHMENT_ID.in(ids.stream().map(AttachmentId::value).toList()))
                .and(ATTACHMENTS.GUILD_ID.eq(message.guildId().value()))
                .and(ATTACHMENTS.CHANNEL_ID.eq(message.channelId().value()))
                .and(ATTACHMENTS.OWNER_ID.eq(message.authorId().value()))
                .and(ATTACHMENTS.MESSAGE_ID.isNull())
                .returning()
                .fetch(AttachmentRows::toAttachment)
                .stream().sorted(Comparator.comparing(Attachment::id)).toList();
    }

    @Override
    public int countBound(MessageId message) {
        return dsl.fetchCount(ATTACHMENTS, ATTACHMENTS.MESSAGE_ID.eq(message.value()));
    }

    @Override
    public boolean delete(AttachmentId attachment) {
        return dsl.deleteFrom(ATTACHMENTS).where(ATTACHMENTS.ATTACHMENT_ID.eq(attachment.value())).execute() == 1;
    }

    @Override
    public int sweepUnbound(Instant cutoff, int limit) {
        var claimed = DSL.select(ATTACHMENTS.ATTACHMENT_ID).from(ATTACHMENTS)
                .where(ATTACHMENTS.MESSAGE_ID.isNull())
                .and(ATTACHMENTS.CREATED_AT.lt(MessageRows.stored(cutoff)))
                .orderBy(ATTACHMENTS.CREATED_AT).limit(limit)
                .forUpdate().skipLocked();
        return dsl.deleteFrom(ATTACHMENTS).where(ATTACHMENTS.ATTACHMENT_ID.in(claimed)).execute();
    }

    private static Condition inChannel(ChannelId channel, AttachmentId attachment) {
        return ATTACHMENTS.ATTACHMENT_ID.eq(attachment.value()).and(ATTACHMENTS.CHANNEL_ID.eq(channel.value()));
    }
}
