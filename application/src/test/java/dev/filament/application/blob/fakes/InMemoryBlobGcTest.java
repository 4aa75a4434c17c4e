package dev.filament.application.blob.fakes;

import dev.filament.application.blob.port.out.BlobGcContract;
import dev.filament.application.blob.port.out.BlobGcQueue;
import dev.filament.application.blob.port.out.BlobTombstones;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.shared.port.out.UnitOfWork;

class InMemoryBlobGcTest extends BlobGcContract {
    private final InMemoryBlobGc gc = new InMemoryBlobGc();
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork().enlist(gc);

    @Override
    protected BlobTombstones createTombstones() {
        return gc;
    }

    @Override
    protected BlobGcQueue createQueue() {
        return gc;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    protected void clearQueue() {
        // a fresh fake per test instance
    }
}
