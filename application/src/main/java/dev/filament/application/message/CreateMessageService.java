package dev.filament.application.message;

import dev.filament.domain.error.InvalidRequestException;

/** Implements {@link CreateMessageUseCase}: screen, then one transaction (message + outbox row), then hand-offs. */
public final class CreateMessageService implements CreateMessageUseCase {
    private final MessageKit kit;

    public CreateMessageService(MessageKit kit) {
        this.kit = kit;
    }

    @Override
    public MessageView create(CreateMessageCommand command) {
        kit.screen(command.user(), command.guild(), command.clientIp(), command.surface());
        MessageView created = kit.tx(() -> {
            kit.readableChannel(command.user(), command.guild(), command.channel());
            MessageContent content = MessageContent.of(command.content());
            if (!command.attachmentIds().isEmpty()) {
                throw new InvalidRequestException("attachment_ids must be empty: attachments are Phase 2");
            }
            Message message = Message.post(kit.ids().newMessageId(), command.guild(), command.channel(),
                    command.user(), content, kit.now());
            kit.messages().insert(message);
            kit.outbox().enqueueUpsert(message.guildId(), message.id());
            // built before the commit, so nothing that can fail is left between the commit and the response
            return kit.view(message);
        });
        kit.handOffs().created(created);
        return created;
    }
}
