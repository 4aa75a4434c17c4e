package dev.filament.filesystem;

import dev.filament.application.blob.port.out.BlobContent;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.BlobStore;
import dev.filament.application.blob.port.out.ByteRange;
import dev.filament.application.blob.port.out.StoredBlob;
import dev.filament.domain.id.IdGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The local-filesystem {@link BlobStore} of SPEC 8.7. An object lives at {@code {root}/{key}} (mode 0600, parent
 * directories 0700). A write streams into {@code {root}/.tmp/{ULID}.part} on the same filesystem, fsyncs it, creates
 * the parent directories, renames it atomically to the final path and fsyncs the parent directory, so a reader sees
 * nothing or the whole object, also across a crash. Ranged reads seek. Every call outside body streaming runs under
 * the 5 s bound ({@link BoundedCalls}). Stale {@code .part} files are removed by {@link StagingSweeper}.
 */
public final class FileSystemBlobStore implements BlobStore, AutoCloseable {
    static final int CHUNK = 65536;
    public static final Duration CALL_BOUND = Duration.ofSeconds(5);
    public static final Duration CHECK_BOUND = Duration.ofSeconds(1);

    private final StoreRoot root;
    private final IdGenerator ids;
    private final BoundedCalls calls;
    private final BoundedCalls checks = new BoundedCalls(CHECK_BOUND);

    FileSystemBlobStore(StoreRoot root, IdGenerator ids, Duration bound) {
        this.root = Objects.requireNonNull(root, "root");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.calls = new BoundedCalls(bound);
    }

    /**
     * Opens the store under {@code root}: creates it (0700) and its {@code .tmp} when missing; throws
     * {@link IllegalStateException} when it is not a writable directory (startup fails).
     */
    public static FileSystemBlobStore open(Path root, IdGenerator ids) {
        return new FileSystemBlobStore(StoreRoot.prepare(root), ids, CALL_BOUND);
    }

    /** The prepared root, for the staging sweeper. */
    public StoreRoot root() {
        return root;
    }

    @Override
    public StoredBlob write(BlobKey key, InputStream body) {
        Path part = root.staging().resolve(ids.next() + ".part");
        FileChannel channel = calls.call(() -> FileChannel.open(part,
                java.util.Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW), StoreRoot.createFile()));
        boolean committed = false;
        try {
            MessageDigest sha = sha256();
            long size = copy(body, channel, sha);
            Path target = root.pathOf(key);
            calls.call(() -> commit(channel, part, target));
            committed = true;
            return new StoredBlob(size, HexFormat.of().formatHex(sha.digest()));
        } finally {
            if (!committed) {
                discard(channel, part);
            }
        }
    }

    private static long copy(InputStream body, FileChannel channel, MessageDigest sha) {
        byte[] chunk = new byte[CHUNK];
        long size = 0;
        try {
            int n;
            while ((n = body.read(chunk, 0, CHUNK)) >= 0) {
                sha.update(chunk, 0, n);
                ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, n);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                size += n;
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Void commit(FileChannel channel, Path part, Path target) throws IOException {
        channel.force(true);
        channel.close();
        Files.createDirectories(target.getParent(), StoreRoot.createDirectory());
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        StoreRoot.fsyncDirectory(target.getParent());
        return null;
    }

    private void discard(FileChannel channel, Path part) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file is removed below either way
        }
        try {
            calls.call(() -> Files.deleteIfExists(part));
        } catch (RuntimeException ignored) {
            // a leftover .part is removed by the staging sweeper within the hour
        }
    }

    @Override
    public Optional<BlobContent> read(BlobKey key) {
        return open(key, null);
    }

    @Override
    public Optional<BlobContent> read(BlobKey key, ByteRange range) {
        return open(key, Objects.requireNonNull(range, "range"));
    }

    private Optional<BlobContent> open(BlobKey key, ByteRange range) {
        Path path = root.pathOf(key);
        return calls.call(() -> {
            FileChannel channel;
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            try {
                long size = channel.size();
                if (range == null) {
                    return Optional.of(new BlobContent(new RangeInputStream(channel, size), size, size));
                }
                if (range.first() >= size) {
                    throw new IllegalArgumentException("range starts beyond the object");
                }
                long length = Math.min(range.last(), size - 1) - range.first() + 1;
                channel.position(range.first());
                return Optional.of(new BlobContent(new RangeInputStream(channel, length), length, size));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        });
    }

    @Override
    public void delete(BlobKey key) {
        Path path = root.pathOf(key);
        calls.call(() -> Files.deleteIfExists(path));
    }

    @Override
    public Health check() {
        long started = System.nanoTime();
        boolean ok;
        try {
            ok = checks.call(root::writable);
        } catch (RuntimeException e) {
            ok = false;
        }
        return new Health(ok, "local", (System.nanoTime() - started) / 1_000_000);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        calls.close();
        checks.close();
    }
}
