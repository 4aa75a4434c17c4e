package dev.filament.postgres.friend;

import static dev.filament.postgres.jooq.Tables.FRIENDSHIPS;
import static dev.filament.postgres.jooq.Tables.GUILD_MEMBERS;

import dev.filament.application.gateway.port.out.ObserverDirectory;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.JooqUnitOfWork;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * PostgreSQL {@link ObserverDirectory}: one statement intersecting the candidates (the users connected to this
 * process) with {subject} ∪ friends ∪ guild co-members, through the friendship pair key, {@code friendships(user_b_id)}
 * and the {@code guild_members} primary key and {@code (user_id)} index.
 */
public final class JooqObserverDirectory implements ObserverDirectory {
    private final JooqUnitOfWork unitOfWork;
    private final DSLContext dsl;

    public JooqObserverDirectory(JooqUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.dsl = unitOfWork.dsl();
    }

    @Override
    public Set<UserId> observersAmong(UserId subject, Set<UserId> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        String s = subject.value();
        String[] ids = candidates.stream().map(UserId::value).toArray(String[]::new);
        Field<String> c = DSL.field(DSL.name("c", "id"), SQLDataType.VARCHAR);
        var mine = GUILD_MEMBERS.as("mine");
        var theirs = GUILD_MEMBERS.as("theirs");
        List<String> found = unitOfWork.inTransaction(() -> dsl.select(c)
                .from(DSL.unnest(DSL.val(ids)).as("c", "id"))
                .where(c.eq(s)
                        .or(DSL.exists(DSL.selectOne().from(FRIENDSHIPS).where(
                                FRIENDSHIPS.USER_A_ID.eq(s).and(FRIENDSHIPS.USER_B_ID.eq(c))
                                        .or(FRIENDSHIPS.USER_B_ID.eq(s).and(FRIENDSHIPS.USER_A_ID.eq(c))))))
                        .or(DSL.exists(DSL.selectOne().from(mine).join(theirs)
                                .on(theirs.GUILD_ID.eq(mine.GUILD_ID))
                                .where(mine.USER_ID.eq(s).and(theirs.USER_ID.eq(c))))))
                .fetch(c));
        Set<UserId> result = new HashSet<>();
        found.forEach(id -> result.add(new UserId(id)));
        return result;
    }
}
