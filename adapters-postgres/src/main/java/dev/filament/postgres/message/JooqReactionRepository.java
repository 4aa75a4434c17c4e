package dev.filament.postgres.message;

import static dev.filament.postgres.jooq.Tables.MESSAGE_REACTIONS;

import dev.filament.application.message.port.out.ReactionRepository;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Emoji;
import dev.filament.domain.message.Reaction;
import dev.filament.postgres.JooqUnitOfWork;
import java.time.Instant;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * PostgreSQL {@link ReactionRepository} over {@code message_reactions} (SPEC 12.1 V5). The add is one conditional
 * insert (the emoji exists on the message, or it has fewer than 64 distinct emojis); it is exact only because the
 * caller holds the message row lock, which serialises the writers of one message (W2).
 */
public final class JooqReactionRepository implements ReactionRepository {
    private final DSLContext dsl;

    public JooqReactionRepository(JooqUnitOfWork unitOfWork) {
        this.dsl = unitOfWork.dsl();
    }

    @Override
    public Added add(MessageId message, Emoji emoji, UserId user, Instant at) {
        var r = MESSAGE_REACTIONS;
        Condition onMessage = r.MESSAGE_ID.eq(message.value());
        Condition emojiPresent = DSL.exists(DSL.selectOne().from(r).where(onMessage.and(r.EMOJI.eq(emoji.value()))));
        Condition roomLeft = DSL.field(DSL.select(DSL.countDistinct(r.EMOJI)).from(r).where(onMessage))
                .lt(Reaction.MAX_EMOJIS_PER_MESSAGE);
        int inserted = dsl.insertInto(r, r.MESSAGE_ID, r.EMOJI, r.USER_ID, r.CREATED_AT)
                .select(DSL.select(DSL.val(message.value()), DSL.val(emoji.value()), DSL.val(user.value()),
                        DSL.val(MessageRows.stored(at))).where(emojiPresent.or(roomLeft)))
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            return Added.INSERTED;
        }
        return dsl.fetchExists(r, mine(message, emoji, user)) ? Added.ALREADY_PRESENT : Added.EMOJI_CAP_REACHED;
    }

    @Override
    public boolean remove(MessageId message, Emoji emoji, UserId user) {
        return dsl.deleteFrom(MESSAGE_REACTIONS).where(mine(message, emoji, user)).execute() == 1;
    }

    @Override
    public Reaction read(MessageId message, Emoji emoji, UserId viewer) {
        var r = MESSAGE_REACTIONS;
        Record2<Integer, Boolean> row = dsl.select(DSL.count(), DSL.boolOr(r.USER_ID.eq(viewer.value())))
                .from(r).where(r.MESSAGE_ID.eq(message.value()).and(r.EMOJI.eq(emoji.value())))
                .fetchOne();
        List<UserId> lowest = dsl.select(r.USER_ID).from(r)
                .where(r.MESSAGE_ID.eq(message.value()).and(r.EMOJI.eq(emoji.value())))
                .orderBy(r.USER_ID.collate("C")).limit(Reaction.MAX_REACTOR_IDS)
                .fetch(x -> new UserId(x.value1()));
        return new Reaction(emoji, row.value1(), Boolean.TRUE.equals(row.value2()), lowest);
    }

    private static Condition mine(MessageId message, Emoji emoji, UserId user) {
        var r = MESSAGE_REACTIONS;
        return r.MESSAGE_ID.eq(message.value()).and(r.EMOJI.eq(emoji.value())).and(r.USER_ID.eq(user.value()));
    }
}
