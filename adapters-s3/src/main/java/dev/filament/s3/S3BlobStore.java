package dev.filament.s3;

import dev.filament.application.blob.port.out.BlobContent;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.BlobStore;
import dev.filament.application.blob.port.out.ByteRange;
import dev.filament.application.blob.port.out.StoredBlob;
import dev.filament.domain.id.IdGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The S3-compatible {@link BlobStore} of SPEC 17.7. A write streams the body to a spool file (disk, never memory),
 * then sends it with one {@code PutObject} carrying {@code Content-Length}, so the object appears only when the PUT
 * completes; the spool file is deleted either way. A read is one {@code GetObject} (with {@code Range} for a range)
 * whose body streams to the caller; no first byte within 5 s is 503. A delete of a missing object succeeds.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
    static final int CHUNK = 65536;

    private final S3Client client;
    private final String bucket;
    private final Spool spool;
    private final IdGenerator ids;
    private final S3Bounds bounds;

    S3BlobStore(S3Client client, String bucket, Spool spool, IdGenerator ids, S3Bounds bounds) {
        this.client = Objects.requireNonNull(client, "client");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.spool = Objects.requireNonNull(spool, "spool");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
    }

    /**
     * The store for {@code settings}, spooling under {@code spool}. Never contacts S3 here: the bucket's reachability
     * is reported by {@link #check()} (readiness), so a store that is down at startup does not stop the server.
     */
    public static S3BlobStore open(S3Settings settings, Spool spool, IdGenerator ids) {
        return open(settings, spool, ids, S3Bounds.defaults());
    }

    static S3BlobStore open(S3Settings settings, Spool spool, IdGenerator ids, S3Bounds bounds) {
        return new S3BlobStore(S3Clients.create(settings, bounds), settings.bucket(), spool, ids, bounds);
    }

    @Override
    public StoredBlob write(BlobKey key, InputStream body) {
        Spool.Part part;
        try {
            part = spool.create(ids.next());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            StoredBlob spooled = spoolBody(body, part);
            put(key, part, spooled.sizeBytes());
            return spooled;
        } finally {
            part.discard();
        }
    }

    /** Copies the body into the spool file in chunks of at most 64 KiB, hashing as it goes; closes the file. */
    private static StoredBlob spoolBody(InputStream body, Spool.Part part) {
        long size = 0;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Channels.newOutputStream(part.channel()), sha)) {
                byte[] chunk = new byte[CHUNK];
                for (int n = body.read(chunk, 0, CHUNK); n >= 0; n = body.read(chunk, 0, CHUNK)) {
                    out.write(chunk, 0, n);
                    size += n;
                }
            }
            return new StoredBlob(size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private void put(BlobKey key, Spool.Part part, long size) {
        PutObjectRequest request = PutObjectRequest.builder().bucket(bucket).key(key.value()).contentLength(size)
                .contentType("application/octet-stream").overrideConfiguration(c -> c.apiCallTimeout(bounds.put()))
                .build();
        try {
            client.putObject(request, RequestBody.fromFile(part.path()));
        } catch (SdkException e) {
            throw S3Failures.unavailable("put", e);
        }
    }

    @Override
    public Optional<BlobContent> read(BlobKey key) {
        return get(key, null).map(S3BlobStore::whole);
    }

    @Override
    public Optional<BlobContent> read(BlobKey key, ByteRange range) {
        Objects.requireNonNull(range, "range");
        return get(key, "bytes=" + range.first() + "-" + range.last()).map(body -> ranged(body, range));
    }

    /** One {@code GetObject} (with {@code Range} when given) up to its headers; empty when the object is missing. */
    private Optional<ResponseInputStream<GetObjectResponse>> get(BlobKey key, String range) {
        GetObjectRequest request = GetObjectRequest.builder().bucket(bucket).key(key.value()).range(range)
                .overrideConfiguration(c -> c.apiCallTimeout(bounds.progress())).build();
        try {
            return Optional.of(client.getObject(request));
        } catch (SdkException e) {
            if (S3Failures.objectMissing(e)) {
                return Optional.empty();
            }
            if (range != null && S3Failures.hasStatus(e, S3Failures.RANGE_NOT_SATISFIABLE)) {
                throw new IllegalArgumentException("range starts beyond the object");
            }
            throw S3Failures.unavailable("get", e);
        }
    }

    private static BlobContent whole(ResponseInputStream<GetObjectResponse> body) {
        long length = Objects.requireNonNullElse(body.response().contentLength(), 0L);
        return new BlobContent(new ObjectStream(body, length, false), length, length);
    }

    /**
     * A 206 carries {@code Content-Range} with the complete length. A store that ignored {@code Range} (200, whole
     * body) is served by skipping to the range; a range starting at or beyond the end is refused either way.
     */
    private static BlobContent ranged(ResponseInputStream<GetObjectResponse> body, ByteRange range) {
        long sent = Objects.requireNonNullElse(body.response().contentLength(), 0L);
        String contentRange = body.response().contentRange();
        long total = ContentRange.totalSize(contentRange, sent);
        if (range.first() >= total) {
            body.abort();
            throw new IllegalArgumentException("range starts beyond the object");
        }
        long length = Math.min(range.last(), total - 1) - range.first() + 1;
        boolean partial = contentRange != null;
        try {
            if (!partial) {
                body.skipNBytes(range.first());
            }
        } catch (IOException e) {
            body.abort();
            throw new UncheckedIOException(e);
        }
        return new BlobContent(new ObjectStream(body, length, !partial && length < sent - range.first()),
                length, total);
    }

    @Override
    public void delete(BlobKey key) {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key.value())
                    .overrideConfiguration(c -> c.apiCallTimeout(bounds.progress())));
        } catch (SdkException e) {
            if (!S3Failures.objectMissing(e)) {
                throw S3Failures.unavailable("delete", e);
            }
        }
    }

    /** {@code HeadBucket} answers 2xx within 1 s and the spool directory is writable (SPEC 14.4). */
    @Override
    public Health check() {
        long started = System.nanoTime();
        boolean ok = spool.writable() && bucketAnswers(bounds.check());
        return new Health(ok, "s3", (System.nanoTime() - started) / 1_000_000);
    }

    private boolean bucketAnswers(Duration within) {
        try {
            client.headBucket(b -> b.bucket(bucket).overrideConfiguration(c -> c.apiCallTimeout(within)));
            return true;
        } catch (RuntimeException e) {
            return false; // unreachable, refused, denied, missing bucket or over the bound: degraded
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
