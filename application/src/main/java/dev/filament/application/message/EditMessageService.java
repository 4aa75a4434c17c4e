package dev.filament.application.message;

import dev.filament.application.guild.service.ChannelAccess;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.ipban.IpBanSurface;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link EditMessageUseCase}: the row is locked before the author check, so the check holds at commit. */
public final class EditMessageService implements EditMessageUseCase {
    private final MessageKit kit;

    public EditMessageService(MessageKit kit) {
        this.kit = kit;
    }

    @Override
    public MessageView edit(EditMessageCommand command) {
        kit.screen(command.user(), command.guild(), command.clientIp(), IpBanSurface.MESSAGES_EDIT);
        MessageView edited = kit.tx(() -> {
            ChannelAccess channel = kit.readableChannel(command.user(), command.guild(), command.channel());
            MessageContent content = MessageContent.of(command.content());
            Message current = kit.messages().lock(command.channel(), command.message())
                    .orElseThrow(() -> new NotFoundException("message"));
            MessageModerationPolicy.mayChange(command.user(), current, channel.permissions()).orThrow();
            Instant now = kit.now();
            Message stored = kit.messages().edit(command.channel(), command.message(), content, now)
                    .orElseThrow(() -> new NotFoundException("message"));
            kit.outbox().enqueueUpsert(stored.guildId(), stored.id());
            if (MessageModerationPolicy.isModeration(command.user(), current)) {
                kit.audits().write(command.guild(), command.user(), Optional.of(current.authorId()),
                        AuditAction.MESSAGE_EDIT_MODERATION, now, "channel_id", command.channel().value(),
                        "message_id", command.message().value());
            }
            return kit.view(stored);
        });
        kit.handOffs().edited(edited);
        return edited;
    }
}
