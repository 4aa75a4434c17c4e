package dev.filament.http.error;

/** A stored row names a blob the store does not have (500 {@code internal_error}; logged as {@code blob.missing}). */
public final class BlobMissing extends RuntimeException {
    public BlobMissing() {
        super("blob missing", null, false, false);
    }
}
