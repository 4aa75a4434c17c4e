package dev.filament.application.message;

import dev.filament.application.budget.RequestTimings;
import dev.filament.application.guild.port.out.ChannelRepository;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.Audits;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.port.out.UnitOfWork;
import dev.filament.application.search.SearchIndexQueue;
import dev.filament.application.search.SearchOutbox;
import dev.filament.domain.id.IdGenerator;
import java.time.Clock;

/**
 * The message use cases of SPEC 8, built once by the wiring over the guild feature's unit of work, channel table,
 * access ladder, audit writer and hand-offs, ids and clock, plus the message table, the search outbox and wake-up,
 * and the markdown tokenizer.
 */
public record MessageUseCases(CreateMessageUseCase create, ListMessagesUseCase list, EditMessageUseCase edit,
                              DeleteMessageUseCase delete, MessageKit kit) {

    /** The shared collaborators; {@code timings} receives the {@code fanout} and {@code search_enqueue} phases. */
    public static MessageKit kit(UnitOfWork unitOfWork, ChannelRepository channels, AccessLadder ladder,
                                 Audits audits, HandOffs guildHandOffs, IdGenerator ids, Clock clock,
                                 MessageRepository messages, SearchOutbox outbox, SearchIndexQueue searchQueue,
                                 MarkdownTokenizer markdown, RequestTimings timings) {
        return new MessageKit(unitOfWork, channels, ladder, audits, ids, clock, messages, outbox, markdown,
                new MessageHandOffs(guildHandOffs, searchQueue, timings));
    }

    /** As above without phase timings (tests, tools). */
    public static MessageKit kit(UnitOfWork unitOfWork, ChannelRepository channels, AccessLadder ladder,
                                 Audits audits, HandOffs guildHandOffs, IdGenerator ids, Clock clock,
                                 MessageRepository messages, SearchOutbox outbox, SearchIndexQueue searchQueue,
                                 MarkdownTokenizer markdown) {
        return kit(unitOfWork, channels, ladder, audits, guildHandOffs, ids, clock, messages, outbox, searchQueue,
                markdown, new RequestTimings());
    }

    public static MessageUseCases create(MessageKit kit) {
        return new MessageUseCases(new CreateMessageService(kit), new ListMessagesService(kit),
                new EditMessageService(kit), new DeleteMessageService(kit), kit);
    }
}
