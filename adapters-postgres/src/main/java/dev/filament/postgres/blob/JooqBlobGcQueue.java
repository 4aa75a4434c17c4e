package dev.filament.postgres.blob;

import static dev.filament.postgres.jooq.Tables.BLOB_GC;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;

import dev.filament.application.blob.port.out.BlobGcQueue;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.postgres.JooqUnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL {@link BlobGcQueue} over {@code blob_gc}: each method is its own transaction (the collector calls it
 * outside any). A claim is one {@code UPDATE … WHERE object_key IN (SELECT … FOR UPDATE SKIP LOCKED)}, so concurrent
 * collectors of several processes never claim the same row and a claimed row stays leased even if its claimer dies.
 */
public final class JooqBlobGcQueue implements BlobGcQueue {
    private static final Logger LOG = LoggerFactory.getLogger(JooqBlobGcQueue.class);

    private final JooqUnitOfWork unitOfWork;

    public JooqBlobGcQueue(JooqUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    }

    @Override
    public List<Claim> claimDue(Instant now, int limit, Duration lease) {
        return unitOfWork.inTransaction(() -> {
            var due = select(BLOB_GC.OBJECT_KEY).from(BLOB_GC)
                    .where(BLOB_GC.NOT_BEFORE.le(BlobGcTimes.bound(now)))
                    .orderBy(BLOB_GC.NOT_BEFORE)
                    .limit(limit)
                    .forUpdate().skipLocked();
            var rows = unitOfWork.dsl().update(BLOB_GC)
                    .set(BLOB_GC.NOT_BEFORE, BlobGcTimes.stored(now.plus(lease)))
                    .set(BLOB_GC.ATTEMPTS, BLOB_GC.ATTEMPTS.plus(1))
                    .where(BLOB_GC.OBJECT_KEY.in(due))
                    .returning(BLOB_GC.OBJECT_KEY, BLOB_GC.ATTEMPTS)
                    .fetch();
            List<Claim> claims = new ArrayList<>(rows.size());
            for (var row : rows) {
                BlobKey.parse(row.getObjectKey()).ifPresentOrElse(
                        key -> claims.add(new Claim(key, row.getAttempts())),
                        () -> LOG.atError().addKeyValue("event", "blob.gc.bad_key")
                                .log("blob_gc row with a malformed key left in place"));
            }
            return claims;
        });
    }

    @Override
    public void completed(Collection<BlobKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<String> values = keys.stream().map(BlobKey::value).toList();
        unitOfWork.run(() -> unitOfWork.dsl().deleteFrom(BLOB_GC).where(BLOB_GC.OBJECT_KEY.in(values)).execute());
    }

    @Override
    public void failed(Claim claim, Instant now) {
        OffsetDateTime due = BlobGcTimes.stored(now.plus(BlobGcQueue.retryDelay(claim.attempts())));
        unitOfWork.run(() -> unitOfWork.dsl().update(BLOB_GC)
                .set(BLOB_GC.NOT_BEFORE, due)
                .where(BLOB_GC.OBJECT_KEY.eq(claim.key().value()))
                .execute());
    }

    @Override
    public Backlog backlog(Instant now) {
        return unitOfWork.inTransaction(() -> {
            var row = unitOfWork.dsl().select(count(), min(BLOB_GC.NOT_BEFORE)).from(BLOB_GC)
                    .where(BLOB_GC.NOT_BEFORE.le(BlobGcTimes.bound(now)))
                    .fetchOne();
            OffsetDateTime oldest = row == null ? null : row.value2();
            long due = row == null ? 0 : row.value1();
            return new Backlog(due, oldest == null ? 0
                    : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds()));
        });
    }
}
