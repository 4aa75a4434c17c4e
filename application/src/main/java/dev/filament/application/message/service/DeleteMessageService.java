package dev.filament.application.message.service;

import dev.filament.application.guild.service.Audits;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.ChannelAccess;
import dev.filament.application.message.port.in.DeleteMessageUseCase;
import dev.filament.application.message.port.out.MessageRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.search.port.out.SearchOutbox;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageModerationPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Implements {@link DeleteMessageUseCase}. The message row is locked, then deleted, before its search document is
 * deleted in the same transaction, so an indexer batch cannot write the document back after the commit.
 */
public final class DeleteMessageService implements DeleteMessageUseCase {
    private final AccessLadder ladder;
    private final UnitOfWork unitOfWork;
    private final MessageRepository messages;
    private final SearchOutbox outbox;
    private final Audits audits;
    private final MessageHandOffs handOffs;
    private final Clock clock;

    public DeleteMessageService(AccessLadder ladder, UnitOfWork unitOfWork, MessageRepository messages,
                                SearchOutbox outbox, Audits audits, MessageHandOffs handOffs, Clock clock) {
        this.ladder = ladder;
        this.unitOfWork = unitOfWork;
        this.messages = messages;
        this.outbox = outbox;
        this.audits = audits;
        this.handOffs = handOffs;
        this.clock = clock;
    }

    @Override
    public void delete(DeleteMessageCommand command) {
        ladder.screen(command.user(), command.guild(), command.clientIp(), IpBanSurface.MESSAGES_DELETE);
        Deleted deleted = unitOfWork.inTransaction(() -> {
            ChannelAccess channel = MessageSupport.readableChannel(ladder, command.user(), command.guild(),
                    command.channel());
            Message current = messages.lock(command.channel(), command.message())
                    .orElseThrow(() -> new NotFoundException("message"));
            MessageModerationPolicy.mayChange(command.user(), current, channel.permissions()).orThrow();
            Instant now = MessageSupport.now(clock);
            messages.delete(command.channel(), command.message());
            outbox.deleteDocument(command.message());
            if (MessageModerationPolicy.isModeration(command.user(), current)) {
                audits.write(command.guild(), command.user(), Optional.of(current.authorId()),
                        AuditAction.MESSAGE_DELETE_MODERATION, now,
                        new AuditDetails.MessageModerated(command.channel().value(), command.message().value()));
            }
            return new Deleted(current, now);
        });
        handOffs.deleted(deleted.message(), deleted.at());
    }

    private record Deleted(Message message, Instant at) {
    }
}
