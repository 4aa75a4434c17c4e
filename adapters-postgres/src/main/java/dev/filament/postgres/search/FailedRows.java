package dev.filament.postgres.search;

import static dev.filament.postgres.jooq.Tables.SEARCH_OUTBOX;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.val;

import dev.filament.application.search.port.out.BatchResult;
import dev.filament.postgres.JooqUnitOfWork;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a failed batch on its claimed rows (SPEC 10.2.3): {@code attempts + 1} and
 * {@code next_attempt_at = now + min(2^attempts, 60) s} with the attempts before the increment; rows are never
 * deleted here. Runs in its own short transaction after the batch rolled back.
 */
final class FailedRows {
    /** 2^6 = 64 already exceeds the 60 s cap; capping the exponent keeps power() far from overflow. */
    private static final int MAX_EXPONENT = 6;
    private static final Logger LOG = LoggerFactory.getLogger(FailedRows.class);

    private final JooqUnitOfWork unitOfWork;
    private final DSLContext dsl;

    FailedRows(JooqUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.dsl = unitOfWork.dsl();
    }

    BatchResult.Failed record(List<Long> claimed, Instant now, RuntimeException cause) {
        if (!claimed.isEmpty()) {
            try {
                unitOfWork.run(() -> backOff(claimed, OutboxOps.stored(now)));
            } catch (RuntimeException e) {
                // the rows keep their old schedule and are retried when due; the batch failure is what gets reported
                cause.addSuppressed(e);
                LOG.debug("could not record the failure of {} search outbox rows", claimed.size(), e);
            }
        }
        return new BatchResult.Failed(claimed.size(), cause);
    }

    private void backOff(List<Long> claimed, OffsetDateTime now) {
        Field<OffsetDateTime> next = field("{0} + least(power(2, least({1}, {2})), 60) * interval '1 second'",
                OffsetDateTime.class, val(now), SEARCH_OUTBOX.ATTEMPTS, val(MAX_EXPONENT));
        dsl.update(SEARCH_OUTBOX)
                .set(SEARCH_OUTBOX.ATTEMPTS, SEARCH_OUTBOX.ATTEMPTS.plus(1))
                .set(SEARCH_OUTBOX.NEXT_ATTEMPT_AT, next)
                // rows another indexer has claimed meanwhile are its business now
                .where(SEARCH_OUTBOX.OUTBOX_ID.in(dsl.select(SEARCH_OUTBOX.OUTBOX_ID).from(SEARCH_OUTBOX)
                        .where(SEARCH_OUTBOX.OUTBOX_ID.in(claimed))
                        .forUpdate().skipLocked()))
                .execute();
    }
}
