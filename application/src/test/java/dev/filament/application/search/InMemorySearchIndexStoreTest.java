package dev.filament.application.search;

class InMemorySearchIndexStoreTest extends SearchIndexStoreContract {

    @Override
    protected SearchHarness harness() {
        return new InMemorySearchHarness();
    }
}
