package dev.filament.bootstrap.wiring;

import dev.filament.application.blob.port.out.BlobCollectorQueue;
import dev.filament.application.blob.port.out.BlobStore;
import dev.filament.application.blob.port.out.BlobTombstones;
import dev.filament.application.blob.service.BlobGcReadinessCheck;
import dev.filament.application.blob.service.BlobStoreReadinessCheck;
import dev.filament.application.blob.service.BlobUploads;
import dev.filament.application.shared.port.out.ReadinessCheck;
import dev.filament.bootstrap.config.ConfigException;
import dev.filament.domain.id.IdGenerator;
import dev.filament.filesystem.FileSystemBlobStore;
import dev.filament.filesystem.StagingSweeper;
import dev.filament.http.blob.BlobDownloads;
import dev.filament.micrometer.LoggingUploadEvents;
import dev.filament.micrometer.MicrometerBlobGcMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.blob.JooqBlobGcQueue;
import dev.filament.postgres.blob.JooqBlobTombstones;
import dev.filament.realtime.blob.BlobCollector;
import dev.filament.s3.S3BlobStore;
import dev.filament.s3.S3Settings;
import dev.filament.s3.Spool;
import dev.filament.s3.SpoolSweeper;
import dev.filament.tika.TikaMimeSniffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blob storage (SPEC 8.7): the local store under {@code FILAMENT_ATTACHMENT_ROOT} with its staging sweeper, or with
 * {@code FILAMENT_S3_BUCKET} the S3-compatible store spooling under its {@code .tmp} (17.7); the
 * upload pipeline, the download helper, the {@code blob_gc} tombstones and the collector, and their readiness checks.
 */
public final class BlobWiring {
    private static final Logger LOG = LoggerFactory.getLogger(BlobWiring.class);

    private BlobWiring() {
    }

    /**
     * What the upload and download routes use.
     *
     * @param store      the blob store (routes rarely need it directly: use {@code uploads} and {@code downloads})
     * @param uploads    the raw-body upload pipeline (tombstone, stream, sniff, cap, SHA-256)
     * @param downloads  serves a blob as a route's response (ETag, Range, 304, nosniff)
     * @param tombstones inside the route's transaction: {@code cancel(key)} the upload's tombstone, or
     *                   {@code schedule(oldKey, now + 60 s)} a replaced avatar or banner
     * @param collector  {@code wake()} after a commit that queued blobs (e.g. an attachment delete)
     * @param readiness  the {@code blob_store} and {@code blob_gc} checks
     */
    public record Blobs(BlobStore store, BlobUploads uploads, BlobDownloads downloads, BlobTombstones tombstones,
                        BlobCollectorQueue collector, List<ReadinessCheck> readiness) {
    }

    /** The local store; a root that cannot be created or written is an invalid {@code FILAMENT_ATTACHMENT_ROOT}. */
    static FileSystemBlobStore open(Path attachmentRoot, IdGenerator ids) {
        try {
            return FileSystemBlobStore.open(attachmentRoot, ids);
        } catch (IllegalStateException e) {
            throw new ConfigException("FILAMENT_ATTACHMENT_ROOT", e.getMessage());
        }
    }

    /**
     * Opens the local or, with {@code s3}, the S3 store (creating the root 0700; a root or spool that is not a writable
     * directory stops startup), sweeps stale staging or spool files, and starts the sweeper and the collector, both
     * closed by {@code lifecycle}.
     */
    public static Blobs start(Path attachmentRoot, Optional<S3Settings> s3, JooqUnitOfWork unitOfWork,
                              IdGenerator ids, Clock clock, MeterRegistry meters, Lifecycle lifecycle) {
        BlobStore store = s3.isPresent()
                ? openS3(s3.get(), attachmentRoot, ids, clock, lifecycle)
                : openLocal(attachmentRoot, ids, clock, lifecycle);
        JooqBlobGcQueue queue = new JooqBlobGcQueue(unitOfWork);
        JooqBlobTombstones tombstones = new JooqBlobTombstones(unitOfWork);
        BlobCollector collector = lifecycle.own(new BlobCollector(queue, store, new MicrometerBlobGcMetrics(meters),
                clock, BlobCollector.Settings.defaults()));
        collector.start();
        BlobUploads uploads = new BlobUploads(store, new TikaMimeSniffer(), tombstones, unitOfWork, clock,
                new LoggingUploadEvents(meters));
        return new Blobs(store, uploads, new BlobDownloads(store), tombstones, collector,
                List.of(new BlobStoreReadinessCheck(store), new BlobGcReadinessCheck(queue, clock)));
    }

    /** The local store under the root, with its staging sweeper (SPEC 8.7). */
    private static BlobStore openLocal(Path root, IdGenerator ids, Clock clock, Lifecycle lifecycle) {
        FileSystemBlobStore store = lifecycle.own(open(root, ids));
        lifecycle.own(new StagingSweeper(store.root(), clock)).start();
        LOG.atInfo().addKeyValue("event", "blob.store.selected").addKeyValue("kind", "local")
                .log("blob store: local under {}", store.root().path());
        return store;
    }

    /**
     * The S3-compatible store (SPEC 17.7), spooling under {@code {root}/.tmp} with its spool sweeper. One bounded
     * probe (1 s) is logged; an unreachable bucket shows in readiness ({@code blob_store}), it does not stop startup.
     */
    private static BlobStore openS3(S3Settings settings, Path root, IdGenerator ids, Clock clock,
                                    Lifecycle lifecycle) {
        Spool spool = Spool.prepare(root);
        S3BlobStore store = lifecycle.own(S3BlobStore.open(settings, spool, ids));
        lifecycle.own(new SpoolSweeper(spool, clock)).start();
        // one probe now also loads the SDK's classes, so the first readiness probe is not judged on a cold client
        BlobStore.Health probe = store.check();
        LOG.atInfo().addKeyValue("event", "blob.store.selected").addKeyValue("kind", "s3")
                .addKeyValue("bucket", settings.bucket()).addKeyValue("endpoint", settings.endpoint().toString())
                .addKeyValue("reachable", probe.ok())
                .log("blob store: S3 bucket {} (reachable: {})", settings.bucket(), probe.ok());
        return store;
    }
}
