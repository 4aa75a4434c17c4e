package dev.filament.application.message.service;

import dev.filament.application.shared.Page;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.application.message.port.in.ListMessagesUseCase;
import dev.filament.application.message.port.out.MessageRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageView;
import java.util.List;

/** Implements {@link ListMessagesUseCase}: screen, then the ladder and one page read; tokens after the read. */
public final class ListMessagesService implements ListMessagesUseCase {
    private final AccessLadder ladder;
    private final UnitOfWork unitOfWork;
    private final MessageRepository messages;
    private final MarkdownTokenizer markdown;

    public ListMessagesService(AccessLadder ladder, UnitOfWork unitOfWork, MessageRepository messages,
                               MarkdownTokenizer markdown) {
        this.ladder = ladder;
        this.unitOfWork = unitOfWork;
        this.messages = messages;
        this.markdown = markdown;
    }

    @Override
    public Page<MessageView> list(ListMessagesQuery query) {
        ladder.screen(query.user(), query.guild(), query.clientIp(), IpBanSurface.MESSAGES_LIST);
        // a read: on a warm ladder the page is the only statement, without BEGIN/COMMIT
        List<Message> rows = unitOfWork.read(() -> {
            MessageSupport.readableChannel(ladder, query.user(), query.guild(), query.channel());
            return messages.page(query.channel(), query.before(), query.limit());
        });
        return Page.of(rows.stream().map(m -> MessageSupport.view(markdown, m)).toList(), query.limit(),
                v -> v.message().id().value());
    }
}
