package dev.filament.postgres.search;

import static dev.filament.postgres.jooq.Tables.MESSAGES;
import static dev.filament.postgres.jooq.Tables.SEARCH_DOCUMENTS;
import static dev.filament.postgres.jooq.Tables.SEARCH_OUTBOX;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import dev.filament.application.search.port.out.ReconcileResult;
import dev.filament.application.search.port.out.SearchOutbox;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.postgres.JooqUnitOfWork;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * PostgreSQL {@link SearchOutbox} over {@code search_outbox} and {@code search_documents}. Every statement runs on the
 * unit of work's context, so it joins the caller's transaction; rows are stamped with the injected clock.
 */
public final class JooqSearchOutbox implements SearchOutbox {
    private final DSLContext dsl;
    private final Clock clock;

    public JooqSearchOutbox(JooqUnitOfWork unitOfWork, Clock clock) {
        this.dsl = unitOfWork.dsl();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void enqueueUpsert(GuildId guild, MessageId message) {
        OffsetDateTime now = OutboxOps.stored(clock.instant());
        dsl.insertInto(SEARCH_OUTBOX)
                .set(SEARCH_OUTBOX.GUILD_ID, guild.value())
                .set(SEARCH_OUTBOX.MESSAGE_ID, message.value())
                .set(SEARCH_OUTBOX.OP, OutboxOps.UPSERT)
                .set(SEARCH_OUTBOX.ENQUEUED_AT, now)
                .set(SEARCH_OUTBOX.NEXT_ATTEMPT_AT, now)
                .execute();
    }

    @Override
    public void deleteDocument(MessageId message) {
        dsl.deleteFrom(SEARCH_DOCUMENTS).where(SEARCH_DOCUMENTS.MESSAGE_ID.eq(message.value())).execute();
    }

    @Override
    public boolean enqueueRebuild(GuildId guild) {
        OffsetDateTime now = OutboxOps.stored(clock.instant());
        // the partial unique index search_outbox_rebuild_uq makes "none if one is pending" atomic
        return dsl.insertInto(SEARCH_OUTBOX)
                .set(SEARCH_OUTBOX.GUILD_ID, guild.value())
                .set(SEARCH_OUTBOX.OP, OutboxOps.REBUILD)
                .set(SEARCH_OUTBOX.ENQUEUED_AT, now)
                .set(SEARCH_OUTBOX.NEXT_ATTEMPT_AT, now)
                .onConflict(SEARCH_OUTBOX.GUILD_ID).where(SEARCH_OUTBOX.OP.eq(OutboxOps.REBUILD))
                .doNothing()
                .execute() == 1;
    }

    @Override
    public ReconcileResult reconcile(GuildId guild) {
        OffsetDateTime now = OutboxOps.stored(clock.instant());
        int deleted = dsl.deleteFrom(SEARCH_DOCUMENTS)
                .where(SEARCH_DOCUMENTS.GUILD_ID.eq(guild.value()))
                .and(DocumentWriter.messageGone())
                .execute();
        int upserted = dsl.insertInto(SEARCH_OUTBOX, SEARCH_OUTBOX.GUILD_ID, SEARCH_OUTBOX.MESSAGE_ID,
                        SEARCH_OUTBOX.OP, SEARCH_OUTBOX.ENQUEUED_AT, SEARCH_OUTBOX.NEXT_ATTEMPT_AT)
                .select(select(MESSAGES.GUILD_ID, MESSAGES.MESSAGE_ID, inline(OutboxOps.UPSERT), val(now), val(now))
                        .from(MESSAGES)
                        .where(MESSAGES.GUILD_ID.eq(guild.value()))
                        .andNotExists(selectOne().from(SEARCH_DOCUMENTS)
                                .where(SEARCH_DOCUMENTS.MESSAGE_ID.eq(MESSAGES.MESSAGE_ID))
                                .and(SEARCH_DOCUMENTS.REVISION.eq(MESSAGES.REVISION))
                                .and(SEARCH_DOCUMENTS.GUILD_ID.eq(MESSAGES.GUILD_ID))
                                .and(SEARCH_DOCUMENTS.CHANNEL_ID.eq(MESSAGES.CHANNEL_ID))))
                .execute();
        return new ReconcileResult(upserted, deleted);
    }
}
