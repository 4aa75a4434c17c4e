package dev.filament.application.search.port.out;

/** What a reconcile did (SPEC 10.3): upsert rows queued and stale documents deleted. */
public record ReconcileResult(int upserted, int deleted) {
    public ReconcileResult {
        if (upserted < 0) {
            throw new IllegalArgumentException("upserted must be >= 0");
        }
        if (deleted < 0) {
            throw new IllegalArgumentException("deleted must be >= 0");
        }
    }
}
