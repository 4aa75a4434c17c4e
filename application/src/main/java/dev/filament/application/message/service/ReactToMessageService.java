package dev.filament.application.message.service;

import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.message.port.in.ReactToMessageUseCase;
import dev.filament.application.message.port.out.MessageRepository;
import dev.filament.application.message.port.out.ReactionRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.message.Emoji;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.Reaction;
import java.time.Clock;

/**
 * Implements {@link ReactToMessageUseCase}. The message row lock orders the writes on one message, so the 64-emoji
 * cap holds under concurrency (W2) and the published count is the one read under the lock.
 */
public final class ReactToMessageService implements ReactToMessageUseCase {
    private final AccessLadder ladder;
    private final UnitOfWork unitOfWork;
    private final MessageRepository messages;
    private final ReactionRepository reactions;
    private final MessageHandOffs handOffs;
    private final Clock clock;

    public ReactToMessageService(AccessLadder ladder, UnitOfWork unitOfWork, MessageRepository messages,
                                 ReactionRepository reactions, MessageHandOffs handOffs, Clock clock) {
        this.ladder = ladder;
        this.unitOfWork = unitOfWork;
        this.messages = messages;
        this.reactions = reactions;
        this.handOffs = handOffs;
        this.clock = clock;
    }

    @Override
    public Reaction react(ReactCommand command) {
        ladder.screen(command.user(), command.guild(), command.clientIp(), command.surface());
        Written written = unitOfWork.inTransaction(() -> {
            MessageSupport.readableChannel(ladder, command.user(), command.guild(), command.channel());
            Emoji emoji = Emoji.of(command.emoji());
            Message message = messages.lock(command.channel(), command.message())
                    .orElseThrow(() -> new NotFoundException("message"));
            boolean changed = command.add() ? added(message, emoji, command)
                    : reactions.remove(message.id(), emoji, command.user());
            return new Written(message, reactions.read(message.id(), emoji, command.user()), changed);
        });
        if (written.changed()) {
            handOffs.reacted(written.message(), written.reaction(), command.add(), command.user());
        }
        return written.reaction();
    }

    private boolean added(Message message, Emoji emoji, ReactCommand command) {
        return switch (reactions.add(message.id(), emoji, command.user(), MessageSupport.now(clock))) {
            case INSERTED -> true;
            case ALREADY_PRESENT -> false;
            case EMOJI_CAP_REACHED -> throw ConflictException.quotaExceeded("reaction emoji");
        };
    }

    private record Written(Message message, Reaction reaction, boolean changed) {
    }
}
