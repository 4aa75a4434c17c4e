package dev.filament.application.search;

class InMemorySearchQueryTest extends SearchQueryPortContract {

    @Override
    protected SearchHarness harness() {
        return new InMemorySearchHarness();
    }
}
