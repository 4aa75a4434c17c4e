package dev.filament.postgres.search;

import static dev.filament.postgres.jooq.Tables.SEARCH_OUTBOX;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.selectOne;

import dev.filament.application.search.port.out.BatchResult;
import dev.filament.application.search.port.out.SearchBacklog;
import dev.filament.application.search.port.out.SearchIndexStore;
import dev.filament.postgres.JooqUnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Result;

/**
 * PostgreSQL {@link SearchIndexStore}: claims due outbox rows with {@code FOR UPDATE SKIP LOCKED} and applies them in
 * one transaction of the unit of work per batch (SPEC 10.2.3); rebuild steps are delegated to {@link RebuildSteps}.
 * A failed batch is rolled back and its claimed rows get their backoff in a second, short transaction.
 */
public final class JooqSearchIndexStore implements SearchIndexStore {
    private final JooqUnitOfWork unitOfWork;
    private final DSLContext dsl;
    private final Clock clock;
    private final FailedRows failedRows;
    private final RebuildSteps rebuilds;

    public JooqSearchIndexStore(JooqUnitOfWork unitOfWork, Clock clock) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.dsl = unitOfWork.dsl();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.failedRows = new FailedRows(unitOfWork);
        this.rebuilds = new RebuildSteps(unitOfWork, failedRows);
    }

    @Override
    public BatchResult indexDueUpserts() {
        Instant now = clock.instant();
        List<Long> claimed = new ArrayList<>(); // the last attempt's claim (the unit of work may retry)
        try {
            int rows = unitOfWork.inTransaction(() -> applyUpserts(now, claimed));
            return rows == 0 ? BatchResult.idle() : new BatchResult.Indexed(rows);
        } catch (RuntimeException e) {
            return failedRows.record(claimed, now, e);
        }
    }

    private int applyUpserts(Instant now, List<Long> claimed) {
        claimed.clear();
        Result<Record2<Long, String>> due = dsl.select(SEARCH_OUTBOX.OUTBOX_ID, SEARCH_OUTBOX.MESSAGE_ID)
                .from(SEARCH_OUTBOX)
                .where(SEARCH_OUTBOX.OP.eq(OutboxOps.UPSERT))
                .and(SEARCH_OUTBOX.NEXT_ATTEMPT_AT.le(OutboxOps.bound(now)))
                .orderBy(SEARCH_OUTBOX.NEXT_ATTEMPT_AT, SEARCH_OUTBOX.OUTBOX_ID)
                .limit(UPSERT_BATCH)
                .forUpdate().skipLocked()
                .fetch();
        if (due.isEmpty()) {
            return 0;
        }
        due.forEach(r -> claimed.add(r.value1()));
        Set<String> messages = new LinkedHashSet<>(due.getValues(SEARCH_OUTBOX.MESSAGE_ID));
        DocumentWriter.write(dsl, DocumentWriter.lockMessages(dsl, messages), OutboxOps.stored(now));
        DocumentWriter.deleteOrphans(dsl, messages);
        dsl.deleteFrom(SEARCH_OUTBOX).where(SEARCH_OUTBOX.OUTBOX_ID.in(claimed)).execute();
        return due.size();
    }

    @Override
    public BatchResult rebuildNextBatch() {
        return rebuilds.next(clock.instant());
    }

    // two index probes (search_outbox_due_idx; the partial rebuild index), one statement, no BEGIN/COMMIT
    @Override
    public DueWork due() {
        OffsetDateTime now = OutboxOps.bound(clock.instant());
        Record2<Boolean, Boolean> r = unitOfWork.read(() -> dsl.select(
                        exists(selectOne().from(SEARCH_OUTBOX).where(SEARCH_OUTBOX.OP.eq(OutboxOps.UPSERT))
                                .and(SEARCH_OUTBOX.NEXT_ATTEMPT_AT.le(now))),
                        exists(selectOne().from(SEARCH_OUTBOX).where(SEARCH_OUTBOX.OP.eq(OutboxOps.REBUILD))
                                .and(SEARCH_OUTBOX.NEXT_ATTEMPT_AT.le(now))))
                .fetchSingle());
        return new DueWork(r.value1(), r.value2());
    }

    @Override
    public SearchBacklog backlog() {
        Record2<Integer, OffsetDateTime> r = dsl.select(count(), min(SEARCH_OUTBOX.ENQUEUED_AT))
                .from(SEARCH_OUTBOX)
                .fetchSingle();
        return r.value1() == 0 ? SearchBacklog.empty()
                : new SearchBacklog(r.value1(), Optional.of(r.value2().toInstant()));
    }
}
