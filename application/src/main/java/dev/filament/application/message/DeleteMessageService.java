package dev.filament.application.message;

import dev.filament.application.guild.service.ChannelAccess;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.ipban.IpBanSurface;
import java.time.Instant;
import java.util.Optional;

/**
 * Implements {@link DeleteMessageUseCase}. The message row is locked, then deleted, before its search document is
 * deleted in the same transaction, so an indexer batch cannot write the document back after the commit.
 */
public final class DeleteMessageService implements DeleteMessageUseCase {
    private final MessageKit kit;

    public DeleteMessageService(MessageKit kit) {
        this.kit = kit;
    }

    @Override
    public void delete(DeleteMessageCommand command) {
        kit.screen(command.user(), command.guild(), command.clientIp(), IpBanSurface.MESSAGES_DELETE);
        Deleted deleted = kit.tx(() -> {
            ChannelAccess channel = kit.readableChannel(command.user(), command.guild(), command.channel());
            Message current = kit.messages().lock(command.channel(), command.message())
                    .orElseThrow(() -> new NotFoundException("message"));
            MessageModerationPolicy.mayChange(command.user(), current, channel.permissions()).orThrow();
            Instant now = kit.now();
            kit.messages().delete(command.channel(), command.message());
            kit.outbox().deleteDocument(command.message());
            if (MessageModerationPolicy.isModeration(command.user(), current)) {
                kit.audits().write(command.guild(), command.user(), Optional.of(current.authorId()),
                        AuditAction.MESSAGE_DELETE_MODERATION, now, "channel_id", command.channel().value(),
                        "message_id", command.message().value());
            }
            return new Deleted(current, now);
        });
        kit.handOffs().deleted(deleted.message(), deleted.at());
    }

    private record Deleted(Message message, Instant at) {
    }
}
