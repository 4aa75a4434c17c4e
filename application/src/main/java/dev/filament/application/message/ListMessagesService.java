package dev.filament.application.message;

import dev.filament.application.guild.Page;
import dev.filament.domain.guild.ipban.IpBanSurface;
import java.util.List;

/** Implements {@link ListMessagesUseCase}: screen, then the ladder and one page read; tokens after the read. */
public final class ListMessagesService implements ListMessagesUseCase {
    private final MessageKit kit;

    public ListMessagesService(MessageKit kit) {
        this.kit = kit;
    }

    @Override
    public Page<MessageView> list(ListMessagesQuery query) {
        kit.screen(query.user(), query.guild(), query.clientIp(), IpBanSurface.MESSAGES_LIST);
        List<Message> rows = kit.tx(() -> {
            kit.readableChannel(query.user(), query.guild(), query.channel());
            return kit.messages().page(query.channel(), query.before(), query.limit());
        });
        return Page.of(rows.stream().map(kit::view).toList(), query.limit(), v -> v.message().id().value());
    }
}
