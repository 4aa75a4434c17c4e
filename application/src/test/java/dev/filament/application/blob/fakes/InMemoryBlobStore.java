package dev.filament.application.blob.fakes;

import dev.filament.application.blob.port.out.BlobContent;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.BlobStore;
import dev.filament.application.blob.port.out.ByteRange;
import dev.filament.application.blob.port.out.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-memory {@link BlobStore}: objects are byte arrays, committed by one map put after the body was read to its end.
 * Records the largest chunk it was handed; {@link #failDeletesOf} makes deletes of chosen keys fail.
 */
public final class InMemoryBlobStore implements BlobStore {
    public static final int CHUNK = 65536;

    private final Map<BlobKey, byte[]> objects = new ConcurrentHashMap<>();
    private final Set<BlobKey> failingDeletes = ConcurrentHashMap.newKeySet();
    private final AtomicInteger largestRead = new AtomicInteger();
    private final AtomicInteger deletes = new AtomicInteger();
    private volatile boolean healthy = true;

    @Override
    public StoredBlob write(BlobKey key, InputStream body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteArrayOutputStream staging = new ByteArrayOutputStream();
            byte[] chunk = new byte[CHUNK];
            int n;
            while ((n = body.read(chunk, 0, CHUNK)) >= 0) {
                largestRead.accumulateAndGet(n, Math::max);
                sha.update(chunk, 0, n);
                staging.write(chunk, 0, n);
            }
            byte[] bytes = staging.toByteArray();
            objects.put(key, bytes);
            return new StoredBlob(bytes.length, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<BlobContent> read(BlobKey key) {
        byte[] bytes = objects.get(key);
        return bytes == null ? Optional.empty()
                : Optional.of(new BlobContent(new ByteArrayInputStream(bytes), bytes.length, bytes.length));
    }

    @Override
    public Optional<BlobContent> read(BlobKey key, ByteRange range) {
        byte[] bytes = objects.get(key);
        if (bytes == null) {
            return Optional.empty();
        }
        if (range.first() >= bytes.length) {
            throw new IllegalArgumentException("range starts beyond the object");
        }
        int last = (int) Math.min(range.last(), bytes.length - 1L);
        int length = last - (int) range.first() + 1;
        return Optional.of(new BlobContent(new ByteArrayInputStream(bytes, (int) range.first(), length), length,
                bytes.length));
    }

    @Override
    public void delete(BlobKey key) {
        if (failingDeletes.contains(key)) {
            throw new UncheckedIOException(new IOException("injected delete failure"));
        }
        deletes.incrementAndGet();
        objects.remove(key);
    }

    @Override
    public Health check() {
        return new Health(healthy, "local", 0);
    }

    public boolean contains(BlobKey key) {
        return objects.containsKey(key);
    }

    public int size() {
        return objects.size();
    }

    public int largestChunkRead() {
        return largestRead.get();
    }

    public int deleteCalls() {
        return deletes.get();
    }

    public void failDeletesOf(BlobKey key) {
        failingDeletes.add(key);
    }

    public void healDeletesOf(BlobKey key) {
        failingDeletes.remove(key);
    }

    public void setHealthy(boolean healthy) {
        this.healthy = healthy;
    }
}
