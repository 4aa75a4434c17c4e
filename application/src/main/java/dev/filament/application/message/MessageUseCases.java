package dev.filament.application.message;

import dev.filament.application.budget.RequestTimings;
import dev.filament.application.guild.service.GuildKit;
import dev.filament.application.search.SearchIndexQueue;
import dev.filament.application.search.SearchOutbox;

/**
 * The message use cases of SPEC 8, built once by the wiring over the guild kit (which brings the access ladder, audit
 * writer and hand-offs) plus the message table, the search outbox and wake-up, and the markdown tokenizer.
 */
public record MessageUseCases(CreateMessageUseCase create, ListMessagesUseCase list, EditMessageUseCase edit,
                              DeleteMessageUseCase delete, MessageKit kit) {

    /** The shared collaborators; {@code timings} receives the {@code fanout} and {@code search_enqueue} phases. */
    public static MessageKit kit(GuildKit guild, MessageRepository messages, SearchOutbox outbox,
                                 SearchIndexQueue searchQueue, MarkdownTokenizer markdown, RequestTimings timings) {
        return new MessageKit(guild, messages, outbox, markdown,
                new MessageHandOffs(guild.handOffs(), searchQueue, timings));
    }

    /** As above without phase timings (tests, tools). */
    public static MessageKit kit(GuildKit guild, MessageRepository messages, SearchOutbox outbox,
                                 SearchIndexQueue searchQueue, MarkdownTokenizer markdown) {
        return kit(guild, messages, outbox, searchQueue, markdown, new RequestTimings());
    }

    public static MessageUseCases create(MessageKit kit) {
        return new MessageUseCases(new CreateMessageService(kit), new ListMessagesService(kit),
                new EditMessageService(kit), new DeleteMessageService(kit), kit);
    }
}
