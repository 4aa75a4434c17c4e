package dev.filament.realtime.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.blob.fakes.InMemoryBlobGc;
import dev.filament.application.blob.fakes.InMemoryBlobStore;
import dev.filament.application.blob.port.out.BlobContent;
import dev.filament.application.blob.port.out.BlobGcMetrics;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.BlobStore;
import dev.filament.application.blob.port.out.ByteRange;
import dev.filament.application.blob.port.out.StoredBlob;
import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.application.shared.testing.Eventually;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BlobCollectorTest {
    private static final Instant T0 = Instant.parse("2031-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryBlobGc gc = new InMemoryBlobGc();
    private final InMemoryBlobStore store = new InMemoryBlobStore();
    private final AtomicInteger okDeletes = new AtomicInteger();
    private final AtomicInteger failedDeletes = new AtomicInteger();
    private final BlobGcMetrics metrics = new BlobGcMetrics() {
        @Override
        public void deletes(int ok, int failed) {
            okDeletes.addAndGet(ok);
            failedDeletes.addAndGet(failed);
        }

        @Override
        public void backlog(long rows) {
        }
    };

    private static BlobKey key(int n) {
        return BlobKey.attachment(String.format("01J%023d", n));
    }

    private BlobKey stored(int n) {
        store.write(key(n), new ByteArrayInputStream(new byte[] {1}));
        return key(n);
    }

    private BlobCollector collector(BlobStore blobs, Duration poll) {
        return new BlobCollector(gc, blobs, metrics, clock, new BlobCollector.Settings(poll, 64, 8, Duration.ofSeconds(300),
                Duration.ofSeconds(5)));
    }

    @Test
    void aRoundDeletesDueBlobsAndTheirRowsButLeavesTombstonesAlone() {
        gc.schedule(stored(1), T0.minusSeconds(1));
        gc.schedule(stored(2), T0.plusSeconds(3600)); // an upload's tombstone
        try (BlobCollector c = collector(store, Duration.ofHours(1))) {
            assertThat(c.round()).isEqualTo(1);
        }
        assertThat(store.contains(key(1))).isFalse();
        assertThat(store.contains(key(2))).isTrue();
        assertThat(okDeletes.get()).isEqualTo(1);
        assertThat(gc.rows()).isEqualTo(1);
    }

    @Test
    void aFailedDeleteKeepsItsRowAndIsRetriedAfterItsBackoff() {
        gc.schedule(stored(1), T0);
        store.failDeletesOf(key(1));
        try (BlobCollector c = collector(store, Duration.ofHours(1))) {
            c.round();
            assertThat(gc.notBefore(key(1))).contains(T0.plusSeconds(2));
            assertThat(failedDeletes.get()).isEqualTo(1);
            store.healDeletesOf(key(1));
            clock.advance(Duration.ofSeconds(2));
            assertThat(c.round()).isEqualTo(1);
        }
        assertThat(store.contains(key(1))).isFalse();
        assertThat(gc.rows()).isZero();
    }

    @Test
    void aMissingBlobCountsAsDeleted() {
        gc.schedule(key(9), T0);
        try (BlobCollector c = collector(store, Duration.ofHours(1))) {
            c.round();
        }
        assertThat(gc.rows()).isZero();
    }

    @Test
    void aWakeRunsARoundAtOnceAndFullBatchesDrainWithoutWaiting() {
        for (int i = 0; i < 150; i++) {
            gc.schedule(stored(100 + i), T0.plusSeconds(30));
        }
        try (BlobCollector c = collector(store, Duration.ofHours(1))) {
            c.start();
            clock.advance(Duration.ofSeconds(30));
            c.wake();
            Eventually.until("all 150 collected after one wake", Duration.ofSeconds(10), () -> gc.rows() == 0);
        }
        assertThat(store.size()).isZero();
    }

    @Test
    void atMostEightDeletesRunAtOnce() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        BlobStore slow = new BlobStore() {
            @Override
            public StoredBlob write(BlobKey key, InputStream body) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<BlobContent> read(BlobKey key) {
                return Optional.empty();
            }

            @Override
            public Optional<BlobContent> read(BlobKey key, ByteRange range) {
                return Optional.empty();
            }

            @Override
            public void delete(BlobKey key) {
                peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
            }

            @Override
            public Health check() {
                return new Health(true, "local", 0);
            }
        };
        for (int i = 0; i < 64; i++) {
            gc.schedule(key(300 + i), T0);
        }
        try (BlobCollector c = collector(slow, Duration.ofHours(1))) {
            assertThat(c.round()).isEqualTo(64);
        }
        assertThat(peak.get()).isBetween(2, 8);
        assertThat(gc.rows()).isZero();
    }
}
