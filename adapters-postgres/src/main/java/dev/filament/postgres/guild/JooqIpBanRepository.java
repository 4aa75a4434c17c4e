package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.GUILD_IP_BANS;

import dev.filament.application.guild.port.out.IpBanRepository;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.IpBanId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.IpAddress;
import dev.filament.postgres.GuildChanges;
import dev.filament.postgres.JooqUnitOfWork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * PostgreSQL {@link IpBanRepository} over {@code guild_ip_bans}. Every query runs on the unit of work's context.
 * Active = {@code expires_at IS NULL OR expires_at > now}; containment is {@code ip_network >>= address} (GiST
 * index); pages walk {@code (guild_id, created_at DESC, ban_id DESC)} with a row comparison. Networks leave this class
 * only inside {@link IpBan}, which the use cases never put on the wire.
 */
public final class JooqIpBanRepository implements IpBanRepository {
    static final int CHUNK = 1_000;

    private final DSLContext dsl;
    private final GuildChanges changes; // access-cache invalidation after each write

    public JooqIpBanRepository(JooqUnitOfWork unitOfWork) {
        this.dsl = unitOfWork.dsl();
        this.changes = unitOfWork.guildChanges();
    }

    private static Condition activeOf(GuildId guild, Instant now) {
        return GUILD_IP_BANS.GUILD_ID.eq(guild.value())
                .and(GUILD_IP_BANS.EXPIRES_AT.isNull().or(GUILD_IP_BANS.EXPIRES_AT.gt(Timestamps.bound(now))));
    }

    @Override
    public List<IpBan> active(GuildId guild, Instant now) {
        return dsl.selectFrom(GUILD_IP_BANS).where(activeOf(guild, now)).fetch(IpBanRows::toIpBan);
    }

    @Override
    public List<IpBan> activeContaining(GuildId guild, IpAddress address, Instant now) {
        return dsl.selectFrom(GUILD_IP_BANS)
                .where(activeOf(guild, now).and(IpBanRows.contains(GUILD_IP_BANS.IP_NETWORK, address)))
                .fetch(IpBanRows::toIpBan);
    }

    @Override
    public List<IpBan> activePage(GuildId guild, Instant now, Optional<TimeCursor> after, int limit) {
        Condition window = after.map(c -> DSL.row(GUILD_IP_BANS.CREATED_AT, GUILD_IP_BANS.BAN_ID)
                .lt(Timestamps.ofUnix(c.createdAtUnix()), c.id())).orElse(DSL.noCondition());
        return dsl.selectFrom(GUILD_IP_BANS)
                .where(activeOf(guild, now).and(window))
                .orderBy(GUILD_IP_BANS.CREATED_AT.desc(), GUILD_IP_BANS.BAN_ID.desc())
                .limit(limit)
                .fetch(IpBanRows::toIpBan);
    }

    @Override
    public void insertAll(List<IpBan> bans) {
        // multi-row statements of at most CHUNK rows: few round trips, far below the 65535-bind limit
        for (int from = 0; from < bans.size(); from += CHUNK) {
            insertRows(bans.subList(from, Math.min(bans.size(), from + CHUNK)));
        }
        bans.stream().map(IpBan::guildId).distinct().forEach(changes::changed);
    }

    private void insertRows(List<IpBan> bans) {
        var rows = dsl.insertInto(GUILD_IP_BANS, GUILD_IP_BANS.BAN_ID, GUILD_IP_BANS.GUILD_ID,
                GUILD_IP_BANS.IP_NETWORK, GUILD_IP_BANS.SOURCE_USER_ID, GUILD_IP_BANS.REASON,
                GUILD_IP_BANS.CREATED_BY_USER_ID, GUILD_IP_BANS.CREATED_AT, GUILD_IP_BANS.EXPIRES_AT);
        for (IpBan b : bans) {
            rows = rows.values(DSL.val(b.id().value()), DSL.val(b.guildId().value()), IpBanRows.cidr(b.network()),
                    DSL.val(b.sourceUser().map(UserId::value).orElse(null), GUILD_IP_BANS.SOURCE_USER_ID),
                    DSL.val(b.reason()), DSL.val(b.createdBy().value()), DSL.val(Timestamps.stored(b.createdAt())),
                    DSL.val(b.expiresAt().map(Timestamps::stored).orElse(null), GUILD_IP_BANS.EXPIRES_AT));
        }
        rows.execute();
    }

    @Override
    public Optional<IpBan> find(GuildId guild, IpBanId id) {
        return dsl.selectFrom(GUILD_IP_BANS)
                .where(GUILD_IP_BANS.BAN_ID.eq(id.value()).and(GUILD_IP_BANS.GUILD_ID.eq(guild.value())))
                .fetchOptional()
                .map(IpBanRows::toIpBan);
    }

    @Override
    public boolean delete(GuildId guild, IpBanId id) {
        boolean deleted = dsl.deleteFrom(GUILD_IP_BANS)
                .where(GUILD_IP_BANS.BAN_ID.eq(id.value()).and(GUILD_IP_BANS.GUILD_ID.eq(guild.value())))
                .execute() == 1;
        changes.changed(guild);
        return deleted;
    }
}
