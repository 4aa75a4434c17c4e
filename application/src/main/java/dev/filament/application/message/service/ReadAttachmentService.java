package dev.filament.application.message.service;

import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.message.port.in.AttachmentCommand;
import dev.filament.application.message.port.in.ReadAttachmentUseCase;
import dev.filament.application.message.port.out.AttachmentRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.message.Attachment;

/** Implements {@link ReadAttachmentUseCase}: the channel ladder, then the attachment as the caller may see it. */
public final class ReadAttachmentService implements ReadAttachmentUseCase {
    private final AccessLadder ladder;
    private final UnitOfWork unitOfWork;
    private final AttachmentRepository attachments;

    public ReadAttachmentService(AccessLadder ladder, UnitOfWork unitOfWork, AttachmentRepository attachments) {
        this.ladder = ladder;
        this.unitOfWork = unitOfWork;
        this.attachments = attachments;
    }

    @Override
    public Attachment read(AttachmentCommand command) {
        ladder.screen(command.user(), command.guild(), command.clientIp(), IpBanSurface.ATTACHMENTS_DOWNLOAD);
        return unitOfWork.inTransaction(() -> {
            MessageSupport.readableChannel(ladder, command.user(), command.guild(), command.channel());
            return attachments.find(command.channel(), command.attachment())
                    .filter(a -> a.visibleTo(command.user()))
                    .orElseThrow(() -> new NotFoundException("attachment"));
        });
    }
}
