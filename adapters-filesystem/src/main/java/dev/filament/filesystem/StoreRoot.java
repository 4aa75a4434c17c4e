package dev.filament.filesystem;

import dev.filament.application.blob.port.out.BlobKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/** The store's root directory and its {@code .tmp} staging directory; permissions 0700 (dirs) and 0600 (files). */
public final class StoreRoot {
    static final String STAGING = ".tmp";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path root;

    private StoreRoot(Path root) {
        this.root = root;
    }

    /** Creates the root (0700) and {@code .tmp} when missing; throws when the root is not a writable directory. */
    static StoreRoot prepare(Path configured) {
        Path root = Objects.requireNonNull(configured, "root").toAbsolutePath().normalize();
        try {
            Files.createDirectories(root, createDirectory());
            Files.createDirectories(root.resolve(STAGING), createDirectory());
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("attachment root " + root + " cannot be created: " + e.getMessage(), e);
        }
        StoreRoot prepared = new StoreRoot(root);
        if (!prepared.writable()) {
            throw new IllegalStateException("attachment root " + root + " is not a writable directory");
        }
        return prepared;
    }

    public Path path() {
        return root;
    }

    Path staging() {
        return root.resolve(STAGING);
    }

    /** {@code {root}/{key}}; keys have only safe ASCII segments by construction. */
    Path pathOf(BlobKey key) {
        return root.resolve(key.value());
    }

    /** The readiness condition: the root and {@code .tmp} exist and are writable directories. */
    boolean writable() {
        return Files.isDirectory(root) && Files.isWritable(root)
                && Files.isDirectory(staging()) && Files.isWritable(staging());
    }

    static FileAttribute<?>[] createDirectory() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0];
    }

    /** The attribute a new object file is created with: 0600. */
    static FileAttribute<?>[] createFile() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
    }

    static void fsyncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
