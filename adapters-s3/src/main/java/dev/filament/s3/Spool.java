package dev.filament.s3;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The local spool of the S3 store (SPEC 17.7): {@code {FILAMENT_ATTACHMENT_ROOT}/.tmp}, where a body is streamed to
 * {@code {ULID}.part} (disk, never memory) before its one {@code PutObject}. Directories 0700, files 0600.
 */
public final class Spool {
    static final String DIRECTORY = ".tmp";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;

    private Spool(Path directory) {
        this.directory = directory;
    }

    /**
     * Creates {@code {attachmentRoot}/.tmp} when missing; throws {@link IllegalStateException} (startup fails) when
     * it cannot be created or is not a writable directory.
     */
    public static Spool prepare(Path attachmentRoot) {
        Path root = Objects.requireNonNull(attachmentRoot, "attachmentRoot").toAbsolutePath().normalize();
        Path directory = root.resolve(DIRECTORY);
        try {
            Files.createDirectories(root, permissions("rwx------"));
            Files.createDirectories(directory, permissions("rwx------"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("attachment root " + root + " cannot be created: " + e.getMessage(), e);
        }
        Spool spool = new Spool(directory);
        if (!spool.writable()) {
            throw new IllegalStateException("spool " + directory + " is not a writable directory");
        }
        return spool;
    }

    public Path directory() {
        return directory;
    }

    /** The readiness half of SPEC 14.4: the spool exists and is a writable directory. */
    boolean writable() {
        return Files.isDirectory(directory) && Files.isWritable(directory);
    }

    /** Creates {@code {id}.part} (0600, new) for writing. */
    Part create(String id) throws IOException {
        Path path = directory.resolve(id + ".part");
        FileChannel channel = FileChannel.open(path, Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW),
                permissions("rw-------"));
        return new Part(path, channel);
    }

    /** Deletes the {@code .part} files last modified before {@code cutoff}; returns how many. */
    int deleteOlderThan(Instant cutoff) throws IOException {
        List<Path> parts;
        try (Stream<Path> listed = Files.list(directory)) {
            parts = listed.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
        int deleted = 0;
        for (Path part : parts) {
            try {
                if (Files.getLastModifiedTime(part).toInstant().isBefore(cutoff) && Files.deleteIfExists(part)) {
                    deleted++;
                }
            } catch (IOException e) {
                // removed by its writer meanwhile
            }
        }
        return deleted;
    }

    private static FileAttribute<?>[] permissions(String mode) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(mode))} : new FileAttribute<?>[0];
    }

    /** One spool file being written; {@link #discard()} closes and deletes it. */
    record Part(Path path, FileChannel channel) {
        void discard() {
            try {
                channel.close();
            } catch (IOException e) {
                // deleting is what matters
            }
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // the hourly sweep removes it
            }
        }
    }
}
