package dev.filament.application.blob.service;

import dev.filament.application.blob.port.out.BlobStore;
import dev.filament.application.shared.port.out.ReadinessCheck;
import java.util.Objects;

/** Readiness check {@code blob_store} (SPEC 14.4): the store's own probe (bounded by the store). */
public final class BlobStoreReadinessCheck implements ReadinessCheck {
    private final BlobStore store;

    public BlobStoreReadinessCheck(BlobStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public String name() {
        return "blob_store";
    }

    @Override
    public Result check() {
        BlobStore.Health health = store.check();
        return new Result(health.ok(), new BlobStoreDetails(health.kind(), Math.max(0, health.latencyMs())));
    }
}
