package dev.filament.application.message.service;

import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.application.message.port.in.CreateMessageUseCase;
import dev.filament.application.message.port.out.AttachmentRepository;
import dev.filament.application.message.port.out.MessageRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.search.port.out.SearchOutbox;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.id.AttachmentId;
import dev.filament.domain.id.IdGenerator;
import dev.filament.domain.id.Ulid;
import dev.filament.domain.message.Attachment;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageContent;
import dev.filament.domain.message.MessageView;
import dev.filament.domain.message.StoredMessage;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Implements {@link CreateMessageUseCase}: screen, then one transaction (message, attachment binding when ids were
 * given, outbox row), then hand-offs. Binding is one statement; any id it could not bind rolls the message back.
 */
public final class CreateMessageService implements CreateMessageUseCase {
    private final AccessLadder ladder;
    private final UnitOfWork unitOfWork;
    private final MessageRepository messages;
    private final AttachmentRepository attachments;
    private final SearchOutbox outbox;
    private final MarkdownTokenizer markdown;
    private final MessageHandOffs handOffs;
    private final IdGenerator ids;
    private final Clock clock;

    public CreateMessageService(AccessLadder ladder, UnitOfWork unitOfWork, MessageRepository messages,
                                AttachmentRepository attachments, SearchOutbox outbox, MarkdownTokenizer markdown, MessageHandOffs handOffs,
                                IdGenerator ids, Clock clock) {
        this.ladder = ladder;
        this.unitOfWork = unitOfWork;
        this.messages = messages;
        this.attachments = attachments;
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
            Set<AttachmentId> attachmentIds = attachmentIds(command.attachmentIds());
            MessageContent content = MessageContent.of(command.content(), !attachmentIds.isEmpty());
            Message message = Message.post(ids.newMessageId(), command.guild(), command.channel(),
                    command.user(), content, MessageSupport.now(clock));
            messages.insert(message);
            List<Attachment> bound = attachmentIds.isEmpty() ? List.of() : attachments.bind(message, attachmentIds);
            if (bound.size() < attachmentIds.size()) {
                throw new InvalidRequestException("attachment_ids must name the caller's unbound uploads here");
            }
            outbox.enqueueUpsert(message.guildId(), message.id());
            // built before the commit, so nothing that can fail is left between the commit and the response
            return MessageSupport.view(markdown, new StoredMessage(message, bound, List.of()));
        });
        handOffs.created(created);
        return created;
    }

    /** At most 5 entries (400), each a ULID (400); duplicates ignored (SPEC 8.1). */
    private static Set<AttachmentId> attachmentIds(List<String> raw) {
        if (raw.size() > Attachment.MAX_PER_MESSAGE) {
            throw new InvalidRequestException("at most 5 attachment_ids");
        }
        Set<AttachmentId> ids = new LinkedHashSet<>();
        for (String id : raw) {
            ids.add(AttachmentId.of(Ulid.parse(id)
                    .orElseThrow(() -> new InvalidRequestException("attachment_ids must be ULIDs"))));
        }
        return ids;
    }
}
