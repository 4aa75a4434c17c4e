package dev.filament.application.search.port.out;

class InMemorySearchOutboxTest extends SearchOutboxContract {

    @Override
    protected SearchHarness harness() {
        return new InMemorySearchHarness();
    }
}
