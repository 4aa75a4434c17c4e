package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.GUILD_BANS;

import dev.filament.application.guild.port.out.BanRepository;
import dev.filament.domain.guild.GuildBan;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.jooq.tables.records.GuildBansRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * PostgreSQL {@link BanRepository} over {@code guild_bans}. Every query runs on the unit of work's context; pages
 * walk the index {@code (guild_id, created_at DESC, user_id DESC)} with the row comparison
 * {@code (created_at, user_id) < (cursor)}.
 */
public final class JooqBanRepository implements BanRepository {
    private final DSLContext dsl;

    public JooqBanRepository(JooqUnitOfWork unitOfWork) {
        this.dsl = unitOfWork.dsl();
    }

    private static Condition ban(GuildId guild, UserId user) {
        return GUILD_BANS.GUILD_ID.eq(guild.value()).and(GUILD_BANS.USER_ID.eq(user.value()));
    }

    @Override
    public boolean isBanned(GuildId guild, UserId user) {
        return dsl.fetchExists(GUILD_BANS, ban(guild, user));
    }

    @Override
    public boolean insertIfAbsent(GuildBan ban) {
        return dsl.insertInto(GUILD_BANS)
                .set(GUILD_BANS.GUILD_ID, ban.guildId().value())
                .set(GUILD_BANS.USER_ID, ban.user().value())
                .set(GUILD_BANS.BANNED_BY_USER_ID, ban.bannedBy().map(UserId::value).orElse(null))
                .set(GUILD_BANS.CREATED_AT, Timestamps.stored(ban.createdAt()))
                .onConflictDoNothing()
                .execute() == 1;
    }

    @Override
    public boolean delete(GuildId guild, UserId user) {
        return dsl.deleteFrom(GUILD_BANS).where(ban(guild, user)).execute() == 1;
    }

    @Override
    public List<GuildBan> page(GuildId guild, Optional<TimeCursor> after, int limit) {
        Condition window = after.map(c -> DSL.row(GUILD_BANS.CREATED_AT, GUILD_BANS.USER_ID)
                .lt(Timestamps.ofUnix(c.createdAtUnix()), c.id())).orElse(DSL.noCondition());
        return dsl.selectFrom(GUILD_BANS)
                .where(GUILD_BANS.GUILD_ID.eq(guild.value()).and(window))
                .orderBy(GUILD_BANS.CREATED_AT.desc(), GUILD_BANS.USER_ID.desc())
                .limit(limit)
                .fetch(JooqBanRepository::toBan);
    }

    private static GuildBan toBan(GuildBansRecord r) {
        return new GuildBan(new GuildId(r.getGuildId()), new UserId(r.getUserId()),
                Optional.ofNullable(r.getBannedByUserId()).map(UserId::new), Timestamps.instant(r.getCreatedAt()));
    }
}
