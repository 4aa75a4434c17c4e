package dev.filament.s3;

import dev.filament.application.blob.port.out.BlobStore;
import dev.filament.application.blob.port.out.BlobStoreContract;
import dev.filament.domain.id.IdGenerator;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The blob-store contract against the S3 adapter talking to the in-process S3. */
class S3BlobStoreTest extends BlobStoreContract {
    private static final AtomicLong SEQ = new AtomicLong();
    static final IdGenerator IDS = () -> String.format("01K%023d", SEQ.incrementAndGet());

    @TempDir
    Path temp;
    private S3BlobStore opened;

    @Override
    protected BlobStore createStore() {
        opened = S3BlobStore.open(InProcessS3.settings(InProcessS3.BUCKET), Spool.prepare(temp.resolve("blobs")), IDS);
        return opened;
    }

    @AfterEach
    void closeStore() {
        opened.close();
    }
}
