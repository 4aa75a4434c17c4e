package dev.filament.application.search.port.out;

class InMemorySearchQueryTest extends SearchQueryPortContract {

    @Override
    protected SearchHarness harness() {
        return new InMemorySearchHarness();
    }
}
