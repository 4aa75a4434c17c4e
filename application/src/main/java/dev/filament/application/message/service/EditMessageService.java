package dev.filament.application.message.service;

import dev.filament.application.guild.service.Audits;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.ChannelAccess;
import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.application.message.port.in.EditMessageUseCase;
import dev.filament.application.message.port.out.MessageRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.search.port.out.SearchOutbox;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageContent;
import dev.filament.domain.message.MessageModerationPolicy;
import dev.filament.domain.message.MessageView;
import dev.filament.domain.message.StoredMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link EditMessageUseCase}: the row is locked before the author check, so the check holds at commit. */
public final class EditMessageService implements EditMessageUseCase {
    private final AccessLadder ladder;
    private final UnitOfWork unitOfWork;
    private final MessageRepository messages;
    private final SearchOutbox outbox;
    private final MarkdownTokenizer markdown;
    private final Audits audits;
    private final MessageHandOffs handOffs;
    private final Clock clock;

    public EditMessageService(AccessLadder ladder, UnitOfWork unitOfWork, MessageRepository messages,
                              SearchOutbox outbox, MarkdownTokenizer markdown, Audits audits,
                              MessageHandOffs handOffs, Clock clock) {
        this.ladder = ladder;
        this.unitOfWork = unitOfWork;
        this.messages = messages;
        this.outbox = outbox;
        this.markdown = markdown;
        this.audits = audits;
        this.handOffs = handOffs;
        this.clock = clock;
    }

    @Override
    public MessageView edit(EditMessageCommand command) {
        ladder.screen(command.user(), command.guild(), command.clientIp(), IpBanSurface.MESSAGES_EDIT);
        MessageView edited = unitOfWork.inTransaction(() -> {
            ChannelAccess channel = MessageSupport.readableChannel(ladder, command.user(), command.guild(),
                    command.channel());
            MessageContent content = MessageContent.of(command.content());
            Message current = messages.lock(command.channel(), command.message())
                    .orElseThrow(() -> new NotFoundException("message"));
            MessageModerationPolicy.mayChange(command.user(), current, channel.permissions()).orThrow();
            Instant now = MessageSupport.now(clock);
            StoredMessage stored = messages.edit(command.channel(), command.message(), content, now, command.user())
                    .orElseThrow(() -> new NotFoundException("message"));
            outbox.enqueueUpsert(current.guildId(), current.id());
            if (MessageModerationPolicy.isModeration(command.user(), current)) {
                audits.write(command.guild(), command.user(), Optional.of(current.authorId()),
                        AuditAction.MESSAGE_EDIT_MODERATION, now,
                        new AuditDetails.MessageModerated(command.channel().value(), command.message().value()));
            }
            return MessageSupport.view(markdown, stored);
        });
        handOffs.edited(edited);
        return edited;
    }
}
