package dev.filament.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.blob.port.out.BlobContent;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.ByteRange;
import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.domain.error.UnavailableException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the S3 adapter adds to the contract: the spool, early-closed reads, a missing bucket (SPEC 17.7). */
class S3BlobStoreBehaviourTest {
    @TempDir
    Path temp;

    private Spool spool() {
        return Spool.prepare(temp.resolve("blobs"));
    }

    private static BlobKey key(int n) {
        return BlobKey.attachment(String.format("01M%023d", System.nanoTime() % 1_000_000_000L * 100 + n));
    }

    private static long spooled(Spool spool) throws IOException {
        try (Stream<Path> files = Files.list(spool.directory())) {
            return files.count();
        }
    }

    @Test
    void theSpoolIsCreated0700UnderTheAttachmentRootAndEmptiedAfterEveryWrite() throws IOException {
        Spool spool = spool();
        assertThat(spool.directory()).isEqualTo(temp.resolve("blobs/.tmp").toAbsolutePath());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.directory())))
                .isEqualTo("rwx------");
        try (S3BlobStore store = S3BlobStore.open(InProcessS3.settings(InProcessS3.BUCKET), spool,
                S3BlobStoreTest.IDS)) {
            store.write(key(1), new ByteArrayInputStream(new byte[300_000]));
            assertThat(spooled(spool)).isZero();
            InputStream refused = new FilterInputStream(InputStream.nullInputStream()) {
                @Override
                public int read(byte[] b, int off, int len) {
                    throw new IllegalStateException("refused"); // e.g. the upload pipeline's 415 after sniffing
                }
            };
            assertThatThrownBy(() -> store.write(key(2), refused)).hasMessage("refused");
            assertThat(spooled(spool)).isZero();
        }
    }

    @Test
    void theSweeperDeletesOnlySpoolFilesOlderThanAnHour() throws IOException {
        Spool spool = spool();
        Path old = Files.writeString(spool.directory().resolve("01K00000000000000000000001.part"), "x");
        Path young = Files.writeString(spool.directory().resolve("01K00000000000000000000002.part"), "x");
        Instant now = Instant.parse("2031-01-01T12:00:00Z");
        Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofMinutes(61))));
        Files.setLastModifiedTime(young, FileTime.from(now.minus(Duration.ofMinutes(59))));

        try (SpoolSweeper sweeper = new SpoolSweeper(spool, new MutableClock(now))) {
            sweeper.start();
            assertThat(old).doesNotExist();
            assertThat(young).exists();
            assertThat(sweeper.sweep()).isZero();
        }
    }

    @Test
    void readsClosedEarlyLeaveTheClientUsable() {
        byte[] body = new byte[2_000_000];
        new Random(3).nextBytes(body);
        BlobKey key = key(3);
        try (S3BlobStore store = S3BlobStore.open(InProcessS3.settings(InProcessS3.BUCKET), spool(),
                S3BlobStoreTest.IDS)) {
            store.write(key, new ByteArrayInputStream(body));
            for (int i = 0; i < 3; i++) {
                try (BlobContent whole = store.read(key).orElseThrow()) {
                    assertThat(whole.stream().readNBytes(10)).isEqualTo(Arrays.copyOf(body, 10));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
            BlobContent range = store.read(key, new ByteRange(1_999_000, 1_999_999)).orElseThrow();
            assertThat(range.totalSize()).isEqualTo(body.length);
            try (range) {
                assertThat(range.stream().readAllBytes()).isEqualTo(Arrays.copyOfRange(body, 1_999_000, 2_000_000));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void theOpeningBoundDoesNotCutADownloadThatStreamsLongerThanIt() throws Exception {
        S3Bounds shortOpen = new S3Bounds(Duration.ofSeconds(2), Duration.ofMillis(400), Duration.ofSeconds(60),
                Duration.ofSeconds(1));
        byte[] body = new byte[1_000_000];
        new Random(5).nextBytes(body);
        BlobKey key = key(6);
        try (S3BlobStore store = S3BlobStore.open(InProcessS3.settings(InProcessS3.BUCKET), spool(),
                S3BlobStoreTest.IDS, shortOpen)) {
            store.write(key, new ByteArrayInputStream(body));
            try (BlobContent content = store.read(key).orElseThrow()) {
                byte[] first = content.stream().readNBytes(65536);
                // a deliberately slow client, not a wait for a condition: the 400 ms open bound passes meanwhile
                Thread.sleep(900);
                byte[] rest = content.stream().readAllBytes();
                assertThat(first.length + rest.length).isEqualTo(body.length);
                assertThat(Arrays.copyOfRange(body, 65536, body.length)).isEqualTo(rest);
            }
        }
    }

    @Test
    void aMissingBucketIsUnavailableNotAMissingObject() {
        try (S3BlobStore store = S3BlobStore.open(InProcessS3.settings("no-such-bucket"), spool(),
                S3BlobStoreTest.IDS)) {
            assertThat(store.check().ok()).isFalse();
            assertThat(store.check().kind()).isEqualTo("s3");
            assertThatThrownBy(() -> store.read(key(4))).isInstanceOf(UnavailableException.class);
            assertThatThrownBy(() -> store.write(key(5), new ByteArrayInputStream(new byte[] {1})))
                    .isInstanceOf(UnavailableException.class);
        }
    }

    @Test
    void anUnwritableSpoolChecksDegraded() throws IOException {
        Spool spool = spool();
        try (S3BlobStore store = S3BlobStore.open(InProcessS3.settings(InProcessS3.BUCKET), spool,
                S3BlobStoreTest.IDS)) {
            assertThat(store.check().ok()).isTrue();
            Files.delete(spool.directory());
            assertThat(store.check().ok()).isFalse();
        }
    }
}
