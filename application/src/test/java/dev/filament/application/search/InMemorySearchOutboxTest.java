package dev.filament.application.search;

class InMemorySearchOutboxTest extends SearchOutboxContract {

    @Override
    protected SearchHarness harness() {
        return new InMemorySearchHarness();
    }
}
