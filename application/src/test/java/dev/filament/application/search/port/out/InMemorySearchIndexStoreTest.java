package dev.filament.application.search.port.out;

class InMemorySearchIndexStoreTest extends SearchIndexStoreContract {

    @Override
    protected SearchHarness harness() {
        return new InMemorySearchHarness();
    }
}
