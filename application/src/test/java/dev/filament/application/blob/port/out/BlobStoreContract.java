package dev.filament.application.blob.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link BlobStore} keeps (SPEC 8.7): atomic writes, size and SHA-256, ranged reads, idempotent delete. */
public abstract class BlobStoreContract {
    private static final Random RANDOM = new Random(7);
    private static final AtomicInteger SEQ = new AtomicInteger();

    protected BlobStore store;

    protected abstract BlobStore createStore();

    @BeforeEach
    void setUpStore() {
        store = createStore();
    }

    /** A key of its own per call: keys are never reused. */
    protected static BlobKey freshKey() {
        String id = String.format("01J%023d", System.nanoTime() % 100_000_000_000L * 1000 + SEQ.incrementAndGet() % 1000);
        return BlobKey.attachment(id);
    }

    protected static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    protected static byte[] readAll(BlobContent content) {
        try (content) {
            return content.stream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aWrittenObjectReadsBackWholeWithItsSizeAndSha256() throws Exception {
        BlobKey key = freshKey();
        byte[] body = randomBytes(200_000);

        StoredBlob stored = store.write(key, new ByteArrayInputStream(body));

        assertThat(stored.sizeBytes()).isEqualTo(body.length);
        assertThat(stored.sha256Hex())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        BlobContent content = store.read(key).orElseThrow();
        assertThat(content.length()).isEqualTo(body.length);
        assertThat(content.totalSize()).isEqualTo(body.length);
        assertThat(readAll(content)).isEqualTo(body);
    }

    @Test
    void theKnownSha256OfAbc() {
        StoredBlob stored = store.write(freshKey(), new ByteArrayInputStream("abc".getBytes()));
        assertThat(stored.sha256Hex()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(stored.sizeBytes()).isEqualTo(3);
    }

    @Test
    void rangedReadsReturnOnlyTheRangeClippedToTheEnd() {
        BlobKey key = freshKey();
        byte[] body = randomBytes(150_000);
        store.write(key, new ByteArrayInputStream(body));

        BlobContent middle = store.read(key, new ByteRange(70_000, 70_009)).orElseThrow();
        assertThat(middle.length()).isEqualTo(10);
        assertThat(middle.totalSize()).isEqualTo(body.length);
        assertThat(readAll(middle)).isEqualTo(java.util.Arrays.copyOfRange(body, 70_000, 70_010));

        BlobContent tail = store.read(key, new ByteRange(149_990, 10_000_000)).orElseThrow();
        assertThat(tail.length()).isEqualTo(10);
        assertThat(readAll(tail)).isEqualTo(java.util.Arrays.copyOfRange(body, 149_990, 150_000));

        assertThat(readAll(store.read(key, new ByteRange(0, 0)).orElseThrow())).containsExactly(body[0]);
        assertThatThrownBy(() -> store.read(key, new ByteRange(150_000, 150_001)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingObjectReadsEmptyAndDeletesAreIdempotent() {
        BlobKey key = freshKey();
        assertThat(store.read(key)).isEmpty();
        assertThat(store.read(key, new ByteRange(0, 1))).isEmpty();
        store.delete(key);

        store.write(key, new ByteArrayInputStream(new byte[] {1, 2, 3}));
        store.delete(key);
        store.delete(key);
        assertThat(store.read(key)).isEmpty();
    }

    @Test
    void aBodyThatFailsMidwayPropagatesItsExceptionUnchangedAndStoresNothing() {
        BlobKey key = freshKey();
        IllegalStateException failure = new IllegalStateException("refused mid-body");
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (served >= 100_000) {
                    throw failure;
                }
                int n = Math.min(len, 30_000);
                served += n;
                return n;
            }
        };

        assertThatThrownBy(() -> store.write(key, failing)).isSameAs(failure);
        assertThat(store.read(key)).isEmpty();
    }

    @Test
    void bodiesAreReadInChunksOfAtMost65536Bytes() {
        AtomicInteger largest = new AtomicInteger();
        InputStream body = new ByteArrayInputStream(randomBytes(300_000)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                largest.accumulateAndGet(len, Math::max);
                return super.read(b, off, len);
            }
        };
        store.write(freshKey(), body);
        assertThat(largest.get()).isBetween(1, 65536);
    }

    @Test
    void aReaderSeesNothingWhileTheWriteIsStillStreaming() throws Exception {
        BlobKey key = freshKey();
        CountDownLatch firstChunkServed = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        InputStream slow = new InputStream() {
            private int calls;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (calls++ == 0) {
                    firstChunkServed.countDown();
                    return Math.min(len, 1000);
                }
                try {
                    finish.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        };
        CompletableFuture<StoredBlob> writing = CompletableFuture.supplyAsync(() -> store.write(key, slow));
        assertThat(firstChunkServed.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(store.read(key)).isEmpty();
        finish.countDown();
        assertThat(writing.get(10, TimeUnit.SECONDS).sizeBytes()).isEqualTo(1000);
        assertThat(store.read(key)).isPresent();
    }

    @Test
    void allThreeKeyFamiliesCanBeStored() {
        for (BlobKey key : new BlobKey[] {freshKey(),
                BlobKey.avatar("01J00000000000000000000001", freshKey().value().substring(12)),
                BlobKey.banner("01J00000000000000000000001", freshKey().value().substring(12))}) {
            store.write(key, new ByteArrayInputStream(new byte[] {42}));
            assertThat(readAll(store.read(key).orElseThrow())).containsExactly(42);
        }
    }

    @Test
    void aHealthyStoreChecksOk() {
        BlobStore.Health health = store.check();
        assertThat(health.ok()).isTrue();
        assertThat(health.kind()).isIn("local", "s3");
        assertThat(health.latencyMs()).isNotNegative();
    }
}
