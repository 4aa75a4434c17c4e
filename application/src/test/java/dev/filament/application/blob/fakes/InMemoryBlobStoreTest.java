package dev.filament.application.blob.fakes;

import dev.filament.application.blob.port.out.BlobStore;
import dev.filament.application.blob.port.out.BlobStoreContract;

class InMemoryBlobStoreTest extends BlobStoreContract {
    @Override
    protected BlobStore createStore() {
        return new InMemoryBlobStore();
    }
}
