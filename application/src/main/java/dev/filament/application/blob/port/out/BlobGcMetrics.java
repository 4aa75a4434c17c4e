package dev.filament.application.blob.port.out;

/** Out-port: the blob collector's meters of SPEC 14.2 ({@code filament_blob_gc_*}). Never blocks, never throws. */
public interface BlobGcMetrics {
    /** {@code filament_blob_gc_deletes_total{outcome=ok|error}}. */
    void deletes(int ok, int failed);

    /** {@code filament_blob_gc_backlog}: the due {@code blob_gc} rows last observed. */
    void backlog(long rows);

    BlobGcMetrics NONE = new BlobGcMetrics() {
        @Override
        public void deletes(int ok, int failed) {
        }

        @Override
        public void backlog(long rows) {
        }
    };
}
