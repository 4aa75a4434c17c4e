package dev.filament.application.message.service;

import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.application.message.port.in.CreateMessageUseCase;
import dev.filament.application.message.port.out.MessageRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.search.port.out.SearchOutbox;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.id.IdGenerator;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageContent;
import dev.filament.domain.message.MessageView;
import java.time.Clock;

/** Implements {@link CreateMessageUseCase}: screen, then one transaction (message + outbox row), then hand-offs. */
public final class CreateMessageService implements CreateMessageUseCase {
    private final AccessLadder ladder;
    private final UnitOfWork unitOfWork;
    private final MessageRepository messages;
    private final SearchOutbox outbox;
    private final MarkdownTokenizer markdown;
    private final MessageHandOffs handOffs;
    private final IdGenerator ids;
    private final Clock clock;

    public CreateMessageService(AccessLadder ladder, UnitOfWork unitOfWork, MessageRepository messages,
                                SearchOutbox outbox, MarkdownTokenizer markdown, MessageHandOffs handOffs,
                                IdGenerator ids, Clock clock) {
        this.ladder = ladder;
        this.unitOfWork = unitOfWork;
        this.messages = messages;
        this.outbox = outbox;
        this.markdown = markdown;
        this.handOffs = handOffs;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public MessageView create(CreateMessageCommand command) {
        ladder.screen(command.user(), command.guild(), command.clientIp(), command.surface());
        MessageView created = unitOfWork.inTransaction(() -> {
            MessageSupport.readableChannel(ladder, command.user(), command.guild(), command.channel());
            MessageContent content = MessageContent.of(command.content());
            if (!command.attachmentIds().isEmpty()) {
                throw new InvalidRequestException("attachment_ids must be empty: attachments are Phase 2");
            }
            Message message = Message.post(ids.newMessageId(), command.guild(), command.channel(),
                    command.user(), content, MessageSupport.now(clock));
            messages.insert(message);
            outbox.enqueueUpsert(message.guildId(), message.id());
            // built before the commit, so nothing that can fail is left between the commit and the response
            return MessageSupport.view(markdown, message);
        });
        handOffs.created(created);
        return created;
    }
}
