package dev.filament.application.blob.port.out;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * An opened object: {@code stream} yields exactly {@code length} bytes (the whole object, or the requested range of
 * it); {@code totalSize} is the whole object's size. The caller streams it and must close it.
 */
public record BlobContent(InputStream stream, long length, long totalSize) implements AutoCloseable {
    public BlobContent {
        Objects.requireNonNull(stream, "stream");
        if (length < 0 || totalSize < length) {
            throw new IllegalArgumentException("0 <= length <= totalSize");
        }
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
