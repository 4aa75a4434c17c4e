package dev.filament.application.message.service;

import dev.filament.application.blob.port.out.BlobCollectorQueue;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.Audits;
import dev.filament.application.guild.service.ChannelAccess;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.message.port.in.AttachmentCommand;
import dev.filament.application.message.port.in.DeleteAttachmentUseCase;
import dev.filament.application.message.port.out.AttachmentRepository;
import dev.filament.application.message.port.out.MessageRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.message.Attachment;
import dev.filament.domain.message.AttachmentDeletePolicy;
import dev.filament.domain.message.Message;
import java.time.Clock;
import java.util.Optional;

/**
 * Implements {@link DeleteAttachmentUseCase}. The attachment row is locked first (a concurrent bind waits), then its
 * message when bound, so the empty-content rule holds at commit; the V4 trigger queues the blob in the same commit.
 */
public final class DeleteAttachmentService implements DeleteAttachmentUseCase {
    static final String WAKE = "blob.collector.wake";

    private final AccessLadder ladder;
    private final UnitOfWork unitOfWork;
    private final AttachmentRepository attachments;
    private final MessageRepository messages;
    private final Audits audits;
    private final HandOffs handOffs;
    private final BlobCollectorQueue collector;
    private final Clock clock;

    public DeleteAttachmentService(AccessLadder ladder, UnitOfWork unitOfWork, AttachmentRepository attachments,
                                   MessageRepository messages, Audits audits, HandOffs handOffs,
                                   BlobCollectorQueue collector, Clock clock) {
        this.ladder = ladder;
        this.unitOfWork = unitOfWork;
        this.attachments = attachments;
        this.messages = messages;
        this.audits = audits;
        this.handOffs = handOffs;
        this.collector = collector;
        this.clock = clock;
    }

    @Override
    public void delete(AttachmentCommand command) {
        ladder.screen(command.user(), command.guild(), command.clientIp(), IpBanSurface.ATTACHMENTS_DELETE);
        unitOfWork.run(() -> {
            ChannelAccess channel = MessageSupport.readableChannel(ladder, command.user(), command.guild(),
                    command.channel());
            Attachment attachment = attachments.lock(command.channel(), command.attachment())
                    .filter(a -> a.visibleTo(command.user()))
                    .orElseThrow(() -> new NotFoundException("attachment"));
            AttachmentDeletePolicy.mayDelete(command.user(), attachment, channel.permissions()).orThrow();
            if (attachment.messageId().isPresent()) {
                MessageId id = attachment.messageId().get();
                Message message = messages.lock(command.channel(), id)
                        .orElseThrow(() -> new NotFoundException("message"));
                AttachmentDeletePolicy.leavesMessageNonEmpty(message, attachments.countBound(id)).orThrow();
            }
            attachments.delete(attachment.id());
            if (AttachmentDeletePolicy.isModeration(command.user(), attachment)) {
                audits.write(command.guild(), command.user(), Optional.of(attachment.ownerId()),
                        AuditAction.ATTACHMENT_DELETE_MODERATION, MessageSupport.now(clock),
                        new AuditDetails.AttachmentModerated(command.channel().value(), attachment.id().value(),
                                attachment.messageId().map(MessageId::value).orElse(null)));
            }
        });
        handOffs.guarded(WAKE, collector::wake);
    }
}
