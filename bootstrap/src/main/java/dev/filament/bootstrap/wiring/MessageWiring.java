package dev.filament.bootstrap.wiring;

import dev.filament.application.shared.RequestTimings;
import dev.filament.application.guild.service.Audits;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.application.message.port.in.CreateMessageUseCase;
import dev.filament.application.message.service.CreateMessageService;
import dev.filament.application.message.service.DeleteMessageService;
import dev.filament.application.message.service.EditMessageService;
import dev.filament.application.message.service.ListMessagesService;
import dev.filament.application.message.service.MessageHandOffs;
import dev.filament.application.message.service.ReactToMessageService;
import dev.filament.application.blob.port.out.BlobCollectorQueue;
import dev.filament.application.search.port.out.SearchIndexQueue;
import dev.filament.application.search.port.out.SearchOutbox;
import dev.filament.domain.id.IdGenerator;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.json.JsonBodies;
import dev.filament.markdown.CommonmarkTokenizer;
import dev.filament.http.message.MessageRoutes;
import dev.filament.http.message.ReactionRoutes;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.message.JooqAttachmentRepository;
import dev.filament.postgres.message.JooqMessageRepository;
import dev.filament.postgres.message.JooqReactionRepository;
import dev.filament.postgres.search.JooqSearchOutbox;
import java.time.Clock;

/** Messages (SPEC 8): the message table, the search outbox, the use cases and their routes. */
public final class MessageWiring {

    private MessageWiring() {
    }

    /**
     * The create use case (the gateway's {@code message_create} runs it too), the message and reaction routes, and
     * the message and attachment tables (the attachment routes of {@link MediaWiring} share them).
     */
    public record Messages(CreateMessageUseCase create, MessageRoutes routes, ReactionRoutes reactionRoutes,
                           JooqMessageRepository messages, JooqAttachmentRepository attachments) {
    }

    /**
     * @param ladder     the guild feature's access ladder (screen, guild and channel steps)
     * @param audits     the guild feature's audit writer (moderation edits and deletes)
     * @param handOffs   the guild feature's guarded post-commit hand-offs
     * @param searchQueue woken after each message write
     * @param collector  the blob collector, woken after a message delete (its attachments' files)
     * @param timings    receives the {@code fanout} and {@code search_enqueue} phases
     */
    public static Messages create(AccessLadder ladder, Audits audits, HandOffs handOffs, JooqUnitOfWork unitOfWork,
                                  SearchIndexQueue searchQueue, BlobCollectorQueue collector, IdGenerator ids,
                                  Clock clock, RequestTimings timings, BearerAuthenticator bearer, JsonBodies bodies) {
        JooqMessageRepository messages = new JooqMessageRepository(unitOfWork);
        JooqAttachmentRepository attachments = new JooqAttachmentRepository(unitOfWork);
        SearchOutbox outbox = new JooqSearchOutbox(unitOfWork, clock);
        MarkdownTokenizer markdown = new CommonmarkTokenizer();
        MessageHandOffs messageHandOffs = new MessageHandOffs(handOffs, searchQueue, collector, timings);
        CreateMessageUseCase create = new CreateMessageService(ladder, unitOfWork, messages, attachments, outbox,
                markdown, messageHandOffs, ids, clock);
        MessageRoutes routes = new MessageRoutes(create,
                new ListMessagesService(ladder, unitOfWork, messages, markdown),
                new EditMessageService(ladder, unitOfWork, messages, outbox, markdown, audits, messageHandOffs, clock),
                new DeleteMessageService(ladder, unitOfWork, messages, outbox, audits, messageHandOffs, clock),
                bearer, bodies);
        ReactionRoutes reactions = new ReactionRoutes(new ReactToMessageService(ladder, unitOfWork, messages,
                new JooqReactionRepository(unitOfWork), messageHandOffs, clock), bearer);
        return new Messages(create, routes, reactions, messages, attachments);
    }
}
