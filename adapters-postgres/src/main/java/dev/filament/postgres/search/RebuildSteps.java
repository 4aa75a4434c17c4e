package dev.filament.postgres.search;

import static dev.filament.postgres.jooq.Tables.MESSAGES;
import static dev.filament.postgres.jooq.Tables.SEARCH_DOCUMENTS;
import static dev.filament.postgres.jooq.Tables.SEARCH_OUTBOX;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.noCondition;

import dev.filament.application.search.port.out.BatchResult;
import dev.filament.application.search.port.out.SearchIndexStore;
import dev.filament.postgres.JooqUnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * The rebuild of one guild (SPEC 10.3), one transaction per step of {@value SearchIndexStore#REBUILD_BATCH} messages
 * in ascending id order. A step replaces the guild's documents in the id range it covers, so searches stay as whole
 * as possible meanwhile; the last step also drops the guild's documents beyond it whose message is gone, and the
 * rebuild row. Progress lives in memory (the schema has no cursor column): after a restart the rebuild starts over,
 * which is harmless.
 */
final class RebuildSteps {
    private final JooqUnitOfWork unitOfWork;
    private final DSLContext dsl;
    private final FailedRows failedRows;
    /** outbox_id of a rebuild row -> the last message id its previous step covered. */
    private final Map<Long, String> cursors = new ConcurrentHashMap<>();

    RebuildSteps(JooqUnitOfWork unitOfWork, FailedRows failedRows) {
        this.unitOfWork = unitOfWork;
        this.dsl = unitOfWork.dsl();
        this.failedRows = failedRows;
    }

    private record Step(long rowId, int messages, String lastCovered, boolean finished) {
    }

    BatchResult next(Instant now) {
        List<Long> claimed = new ArrayList<>(1);
        try {
            Step step = unitOfWork.inTransaction(() -> run(now, claimed));
            if (step == null) {
                return BatchResult.idle();
            }
            // only after the commit: a rolled-back step is re-run from the same place
            if (step.finished()) {
                cursors.remove(step.rowId());
            } else {
                cursors.put(step.rowId(), step.lastCovered());
            }
            return new BatchResult.Indexed(step.messages());
        } catch (RuntimeException e) {
            return failedRows.record(claimed, now, e);
        }
    }

    private Step run(Instant now, List<Long> claimed) {
        claimed.clear();
        Record2<Long, String> row = dsl.select(SEARCH_OUTBOX.OUTBOX_ID, SEARCH_OUTBOX.GUILD_ID)
                .from(SEARCH_OUTBOX)
                .where(SEARCH_OUTBOX.OP.eq(OutboxOps.REBUILD))
                .and(SEARCH_OUTBOX.NEXT_ATTEMPT_AT.le(OutboxOps.bound(now)))
                .orderBy(SEARCH_OUTBOX.NEXT_ATTEMPT_AT, SEARCH_OUTBOX.OUTBOX_ID)
                .limit(1)
                .forUpdate().skipLocked()
                .fetchOne();
        if (row == null) {
            return null;
        }
        long rowId = row.value1();
        claimed.add(rowId);
        String guild = row.value2();
        String after = cursors.get(rowId);
        // ids first, without locks: whether this is the last step must not depend on rows a lock skipped
        List<String> ids = dsl.select(MESSAGES.MESSAGE_ID).from(MESSAGES)
                .where(MESSAGES.GUILD_ID.eq(guild))
                .and(after == null ? noCondition() : MESSAGES.MESSAGE_ID.gt(after))
                .orderBy(MESSAGES.MESSAGE_ID)
                .limit(SearchIndexStore.REBUILD_BATCH)
                .fetch(MESSAGES.MESSAGE_ID);
        boolean finished = ids.size() < SearchIndexStore.REBUILD_BATCH;
        String last = ids.isEmpty() ? after : ids.get(ids.size() - 1);
        dsl.deleteFrom(SEARCH_DOCUMENTS)
                .where(SEARCH_DOCUMENTS.GUILD_ID.eq(guild))
                .and(after == null ? noCondition() : SEARCH_DOCUMENTS.MESSAGE_ID.gt(after))
                .and(covered(last, finished))
                .execute();
        DocumentWriter.write(dsl, DocumentWriter.lockMessages(dsl, ids), OutboxOps.stored(now));
        if (finished) {
            dsl.deleteFrom(SEARCH_OUTBOX).where(SEARCH_OUTBOX.OUTBOX_ID.eq(rowId)).execute();
        }
        return new Step(rowId, ids.size(), last, finished);
    }

    /**
     * Documents up to the step's last id are replaced; beyond it (last step only) those whose message is gone are
     * dropped, while documents of messages created after the id scan are kept: their own upsert rows index them.
     */
    private static Condition covered(String last, boolean finished) {
        Condition upToLast = last == null ? falseCondition() : SEARCH_DOCUMENTS.MESSAGE_ID.le(last);
        return finished ? upToLast.or(DocumentWriter.messageGone()) : upToLast;
    }
}
