package dev.filament.postgres.blob;

import static dev.filament.postgres.jooq.Tables.BLOB_GC;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.least;

import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.BlobTombstones;
import dev.filament.postgres.JooqUnitOfWork;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/**
 * PostgreSQL {@link BlobTombstones} over {@code blob_gc}. Statements run on the unit of work's context, so they join
 * the caller's transaction: a route cancels its upload's tombstone in the same commit as its row.
 */
public final class JooqBlobTombstones implements BlobTombstones {
    private final DSLContext dsl;

    public JooqBlobTombstones(JooqUnitOfWork unitOfWork) {
        this.dsl = unitOfWork.dsl();
    }

    @Override
    public void schedule(BlobKey key, Instant notBefore) {
        OffsetDateTime at = BlobGcTimes.stored(notBefore);
        dsl.insertInto(BLOB_GC)
                .set(BLOB_GC.OBJECT_KEY, key.value())
                .set(BLOB_GC.NOT_BEFORE, at)
                .set(BLOB_GC.ENQUEUED_AT, at)
                .onConflict(BLOB_GC.OBJECT_KEY)
                .doUpdate().set(BLOB_GC.NOT_BEFORE, least(BLOB_GC.NOT_BEFORE, excluded(BLOB_GC.NOT_BEFORE)))
                .execute();
    }

    @Override
    public void cancel(BlobKey key) {
        dsl.deleteFrom(BLOB_GC).where(BLOB_GC.OBJECT_KEY.eq(key.value())).execute();
    }
}
