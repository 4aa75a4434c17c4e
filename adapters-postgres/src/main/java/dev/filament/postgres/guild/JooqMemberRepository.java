package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.GUILD_MEMBERS;
import static dev.filament.postgres.jooq.Tables.GUILD_ROLE_MEMBERS;

import dev.filament.application.guild.port.out.MemberRepository;
import dev.filament.domain.guild.MemberEntry;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.GuildChanges;
import dev.filament.postgres.JooqUnitOfWork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * PostgreSQL {@link MemberRepository} over {@code guild_members}. Every query runs on the unit of work's context;
 * {@link #lock} is {@code SELECT ... FOR UPDATE}; deleting a membership cascades to its assignments (schema). A page
 * of members and their role ids is one statement.
 */
public final class JooqMemberRepository implements MemberRepository {
    private final DSLContext dsl;
    private final GuildChanges changes; // access-cache invalidation after each write

    public JooqMemberRepository(JooqUnitOfWork unitOfWork) {
        this.dsl = unitOfWork.dsl();
        this.changes = unitOfWork.guildChanges();
    }

    private static Condition membership(GuildId guild, UserId user) {
        return GUILD_MEMBERS.GUILD_ID.eq(guild.value()).and(GUILD_MEMBERS.USER_ID.eq(user.value()));
    }

    @Override
    public boolean isMember(GuildId guild, UserId user) {
        return dsl.fetchExists(GUILD_MEMBERS, membership(guild, user));
    }

    @Override
    public boolean lock(GuildId guild, UserId user) {
        return dsl.selectOne().from(GUILD_MEMBERS).where(membership(guild, user)).forUpdate().fetchOptional()
                .isPresent();
    }

    @Override
    public boolean insertIfAbsent(GuildId guild, UserId user, Instant joinedAt) {
        boolean inserted = dsl.insertInto(GUILD_MEMBERS)
                .set(GUILD_MEMBERS.GUILD_ID, guild.value())
                .set(GUILD_MEMBERS.USER_ID, user.value())
                .set(GUILD_MEMBERS.JOINED_AT, Timestamps.stored(joinedAt))
                .onConflictDoNothing()
                .execute() == 1;
        changes.changed(guild);
        return inserted;
    }

    @Override
    public boolean delete(GuildId guild, UserId user) {
        boolean deleted = dsl.deleteFrom(GUILD_MEMBERS).where(membership(guild, user)).execute() == 1;
        changes.changed(guild);
        return deleted;
    }

    @Override
    public List<MemberEntry> page(GuildId guild, Optional<UserId> after, int limit) {
        Condition window = GUILD_MEMBERS.GUILD_ID.eq(guild.value())
                .and(after.map(u -> GUILD_MEMBERS.USER_ID.gt(u.value())).orElse(DSL.noCondition()));
        return dsl.select(GUILD_MEMBERS.USER_ID, explicitRoles())
                .from(GUILD_MEMBERS)
                .where(window)
                .orderBy(GUILD_MEMBERS.USER_ID.asc())
                .limit(limit)
                .fetch(r -> new MemberEntry(new UserId(r.value1()), RoleIds.of(r.value2())));
    }

    /**
     * The member's explicit assignments as an array, correlated to the outer row. The select list is evaluated only
     * for the rows the LIMIT lets through, so a page costs one statement, not one per member.
     */
    static Field<String[]> explicitRoles() {
        return DSL.array(DSL.select(GUILD_ROLE_MEMBERS.ROLE_ID)
                .from(GUILD_ROLE_MEMBERS)
                .where(GUILD_ROLE_MEMBERS.GUILD_ID.eq(GUILD_MEMBERS.GUILD_ID)
                        .and(GUILD_ROLE_MEMBERS.USER_ID.eq(GUILD_MEMBERS.USER_ID)))
                .orderBy(GUILD_ROLE_MEMBERS.ROLE_ID));
    }
}
