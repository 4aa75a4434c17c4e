package dev.filament.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.BlobStore;
import dev.filament.application.blob.port.out.BlobStoreContract;
import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.domain.error.UnavailableException;
import dev.filament.domain.id.IdGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest extends BlobStoreContract {
    private static final AtomicLong SEQ = new AtomicLong();
    static final IdGenerator IDS = () -> String.format("01K%023d", SEQ.incrementAndGet());

    @TempDir
    Path temp;
    private FileSystemBlobStore opened;

    @Override
    protected BlobStore createStore() {
        opened = FileSystemBlobStore.open(temp.resolve("blobs"), IDS);
        return opened;
    }

    @AfterEach
    void closeStore() {
        opened.close();
    }

    private Path root() {
        return temp.resolve("blobs");
    }

    @Test
    void theRootIsCreated0700AndObjectsAre0600UnderTheirKeyPath() throws IOException {
        BlobKey key = BlobKey.avatar("01J00000000000000000000001", "01J00000000000000000000002");
        store.write(key, new ByteArrayInputStream(new byte[] {1}));

        Path object = root().resolve("avatars/01J00000000000000000000001/01J00000000000000000000002");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(object))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(object.getParent())))
                .isEqualTo("rwx------");
        try (var staged = Files.list(root().resolve(".tmp"))) {
            assertThat(staged).isEmpty();
        }
    }

    @Test
    void aRefusedBodyLeavesNoStagingFile() throws IOException {
        assertThatThrownBy(() -> store.write(freshKey(), new java.io.InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("refused");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                throw new IllegalStateException("refused");
            }
        })).hasMessage("refused");
        try (var staged = Files.list(root().resolve(".tmp"))) {
            assertThat(staged).isEmpty();
        }
    }

    @Test
    void aRootThatIsAFileFailsToOpen() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");
        assertThatThrownBy(() -> FileSystemBlobStore.open(file, IDS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReadOnlyRootFailsToOpenAndChecksDegraded() throws IOException {
        Path ro = Files.createDirectories(temp.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-x------"));
        try {
            if (Files.isWritable(ro)) {
                return; // running as root: permissions are not enforced
            }
            assertThatThrownBy(() -> FileSystemBlobStore.open(ro.resolve("blobs"), IDS))
                    .isInstanceOf(IllegalStateException.class);
            Files.setPosixFilePermissions(root().resolve(".tmp"), PosixFilePermissions.fromString("r-x------"));
            assertThat(store.check().ok()).isFalse();
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(root().resolve(".tmp"), PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aFileCallThatOutlastsItsBoundAnswersUnavailable() {
        CountDownLatch never = new CountDownLatch(1);
        try (BoundedCalls calls = new BoundedCalls(Duration.ofMillis(100))) {
            assertThatThrownBy(() -> calls.call(() -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            })).isInstanceOfSatisfying(UnavailableException.class, e -> assertThat(e.kind()).isEqualTo("blob_store"));
        }
    }

    @Test
    void theSweeperDeletesOnlyPartsOlderThanAnHour() throws IOException {
        Path staging = root().resolve(".tmp");
        Path old = Files.writeString(staging.resolve("01K00000000000000000000001.part"), "x");
        Path young = Files.writeString(staging.resolve("01K00000000000000000000002.part"), "x");
        Instant now = Instant.parse("2031-01-01T12:00:00Z");
        Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofMinutes(61))));
        Files.setLastModifiedTime(young, FileTime.from(now.minus(Duration.ofMinutes(59))));

        try (StagingSweeper sweeper = new StagingSweeper(opened.root(), new MutableClock(now))) {
            assertThat(sweeper.sweep()).isEqualTo(1);
        }
        assertThat(old).doesNotExist();
        assertThat(young).exists();
    }
}
