package dev.filament.application.blob.port.out;

/** Out-port: a hint that blobs became due (e.g. after an attachment delete); returns at once, never fails. */
@FunctionalInterface
public interface BlobCollectorQueue {
    void wake();
}
