package dev.filament.postgres.blob;

import static dev.filament.postgres.jooq.Tables.BLOB_GC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.blob.port.out.BlobGcContract;
import dev.filament.application.blob.port.out.BlobGcQueue;
import dev.filament.application.blob.port.out.BlobTombstones;
import dev.filament.application.shared.RequestBudget;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code blob_gc} in PostgreSQL, against the contract; plus the attachments trigger of SPEC 12.1. */
@ExtendWith(PostgresExtension.class)
class JooqBlobGcTest extends BlobGcContract {
    private final JooqUnitOfWork unitOfWork;

    JooqBlobGcTest(TestDatabase db) {
        unitOfWork = JooqUnitOfWork.create(db.dataSource(), db.defaultSettings(), new RequestBudget());
    }

    @Override
    protected BlobTombstones createTombstones() {
        return new JooqBlobTombstones(unitOfWork);
    }

    @Override
    protected BlobGcQueue createQueue() {
        return new JooqBlobGcQueue(unitOfWork);
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    protected void clearQueue() {
        unitOfWork.dsl().deleteFrom(BLOB_GC).execute();
    }

    @Test
    void deletingAnAttachmentRowQueuesItsKeyDueNowAndLowersAPendingTombstone() {
        var dsl = unitOfWork.dsl();
        String suffix = Long.toString(System.nanoTime());
        dsl.execute("insert into users (user_id, username, password_hash, created_at) values (?, ?, 'x', now())",
                "01J0000000000000000000U" + suffix.substring(suffix.length() - 3), "gcuser" + suffix);
        String user = "01J0000000000000000000U" + suffix.substring(suffix.length() - 3);
        String guild = "01J0000000000000000000G" + suffix.substring(suffix.length() - 3);
        String channel = "01J0000000000000000000C" + suffix.substring(suffix.length() - 3);
        dsl.execute("insert into guilds (guild_id, name, created_by_user_id, created_at) values (?, 'g', ?, now())",
                guild, user);
        dsl.execute("insert into channels (channel_id, guild_id, name, created_at) values (?, ?, 'c', now())",
                channel, guild);
        for (String id : new String[] {"01J00000000000000000000A01", "01J00000000000000000000A02"}) {
            dsl.execute("insert into attachments (attachment_id, guild_id, channel_id, owner_id, filename, mime_type,"
                    + " size_bytes, sha256_hex, object_key, created_at) values (?, ?, ?, ?, 'f.txt', 'text/plain', 1,"
                    + " repeat('a', 64), ?, now())", id, guild, channel, user, "attachments/" + id);
        }
        unitOfWork.run(() -> tombstones.schedule(
                dev.filament.application.blob.port.out.BlobKey.attachment("01J00000000000000000000A01"),
                java.time.Instant.now().plusSeconds(3600)));

        dsl.execute("delete from attachments where attachment_id = '01J00000000000000000000A01'");
        dsl.execute("delete from guilds where guild_id = ?", guild); // cascades to the second attachment

        var rows = dsl.selectFrom(BLOB_GC).orderBy(BLOB_GC.OBJECT_KEY).fetch();
        assertThat(rows).extracting(r -> r.getObjectKey())
                .containsExactly("attachments/01J00000000000000000000A01", "attachments/01J00000000000000000000A02");
        for (var r : rows) {
            assertThat(r.getNotBefore().toInstant()).isBeforeOrEqualTo(java.time.Instant.now());
            assertThat(r.getNotBefore().getNano()).isZero();
        }
    }
}
