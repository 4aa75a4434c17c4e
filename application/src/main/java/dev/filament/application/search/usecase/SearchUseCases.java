package dev.filament.application.search.usecase;

import dev.filament.application.message.MessageKit;
import dev.filament.application.search.SearchQueryPort;

/** The search use cases of SPEC 10.1 and 10.3, built once by the wiring over the message kit and the query port. */
public record SearchUseCases(SearchMessagesUseCase search, RebuildSearchUseCase rebuild,
                             ReconcileSearchUseCase reconcile) {

    public static SearchUseCases create(MessageKit kit, SearchQueryPort index) {
        return new SearchUseCases(new SearchMessagesService(kit, index), new RebuildSearchService(kit),
                new ReconcileSearchService(kit));
    }
}
