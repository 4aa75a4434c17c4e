package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.CHANNELS;
import static dev.filament.postgres.jooq.Tables.CHANNEL_PERMISSION_OVERRIDES;

import dev.filament.application.guild.port.out.ChannelRepository;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.access.OverrideTargetKind;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.postgres.GuildChanges;
import dev.filament.postgres.JooqUnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * PostgreSQL {@link ChannelRepository} over {@code channels} and {@code channel_permission_overrides}. Every query
 * runs on the unit of work's context; the overrides of a whole guild are one statement (index on {@code guild_id}).
 */
public final class JooqChannelRepository implements ChannelRepository {
    private final DSLContext dsl;
    private final GuildChanges changes; // access-cache invalidation after each write

    public JooqChannelRepository(JooqUnitOfWork unitOfWork) {
        this.dsl = unitOfWork.dsl();
        this.changes = unitOfWork.guildChanges();
    }

    @Override
    public void insert(Channel channel) {
        dsl.insertInto(CHANNELS).set(ChannelRows.toRecord(channel)).execute();
        changes.changed(channel.guildId());
    }

    @Override
    public Optional<Channel> find(GuildId guild, ChannelId channel) {
        return dsl.selectFrom(CHANNELS)
                .where(CHANNELS.CHANNEL_ID.eq(channel.value()).and(CHANNELS.GUILD_ID.eq(guild.value())))
                .fetchOptional()
                .map(ChannelRows::toChannel);
    }

    @Override
    public int count(GuildId guild) {
        return dsl.fetchCount(CHANNELS, CHANNELS.GUILD_ID.eq(guild.value()));
    }

    @Override
    public List<Channel> listOf(GuildId guild) {
        return dsl.selectFrom(CHANNELS)
                .where(CHANNELS.GUILD_ID.eq(guild.value()))
                .orderBy(CHANNELS.CREATED_AT.asc(), CHANNELS.CHANNEL_ID.asc())
                .fetch(ChannelRows::toChannel);
    }

    @Override
    public List<ChannelOverride> overridesOf(ChannelId channel) {
        return dsl.selectFrom(CHANNEL_PERMISSION_OVERRIDES)
                .where(CHANNEL_PERMISSION_OVERRIDES.CHANNEL_ID.eq(channel.value()))
                .fetch(ChannelRows::toOverride);
    }

    @Override
    public Map<ChannelId, List<ChannelOverride>> overridesOfGuild(GuildId guild) {
        Map<ChannelId, List<ChannelOverride>> byChannel = new LinkedHashMap<>();
        dsl.selectFrom(CHANNEL_PERMISSION_OVERRIDES)
                .where(CHANNEL_PERMISSION_OVERRIDES.GUILD_ID.eq(guild.value()))
                .fetch()
                .forEach(r -> byChannel.computeIfAbsent(new ChannelId(r.get(CHANNEL_PERMISSION_OVERRIDES.CHANNEL_ID)),
                        c -> new ArrayList<>()).add(ChannelRows.toOverride(r)));
        byChannel.replaceAll((c, rows) -> List.copyOf(rows));
        return byChannel;
    }

    @Override
    public void upsertOverride(GuildId guild, ChannelId channel, ChannelOverride row, Instant updatedAt) {
        dsl.insertInto(CHANNEL_PERMISSION_OVERRIDES)
                .set(CHANNEL_PERMISSION_OVERRIDES.CHANNEL_ID, channel.value())
                .set(CHANNEL_PERMISSION_OVERRIDES.GUILD_ID, guild.value())
                .set(CHANNEL_PERMISSION_OVERRIDES.TARGET_KIND, row.targetKind().wire())
                .set(CHANNEL_PERMISSION_OVERRIDES.TARGET_ID, row.targetId())
                .set(CHANNEL_PERMISSION_OVERRIDES.ALLOW_MASK, row.allow().mask())
                .set(CHANNEL_PERMISSION_OVERRIDES.DENY_MASK, row.deny().mask())
                .set(CHANNEL_PERMISSION_OVERRIDES.UPDATED_AT, Timestamps.stored(updatedAt))
                .onConflict(CHANNEL_PERMISSION_OVERRIDES.CHANNEL_ID, CHANNEL_PERMISSION_OVERRIDES.TARGET_KIND,
                        CHANNEL_PERMISSION_OVERRIDES.TARGET_ID)
                .doUpdate()
                .set(CHANNEL_PERMISSION_OVERRIDES.ALLOW_MASK, row.allow().mask())
                .set(CHANNEL_PERMISSION_OVERRIDES.DENY_MASK, row.deny().mask())
                .set(CHANNEL_PERMISSION_OVERRIDES.UPDATED_AT, Timestamps.stored(updatedAt))
                .execute();
        changes.changed(guild);
    }

    @Override
    public boolean deleteOverride(ChannelId channel, OverrideTargetKind kind, String targetId) {
        Optional<String> guild = dsl.deleteFrom(CHANNEL_PERMISSION_OVERRIDES)
                .where(CHANNEL_PERMISSION_OVERRIDES.CHANNEL_ID.eq(channel.value())
                        .and(CHANNEL_PERMISSION_OVERRIDES.TARGET_KIND.eq(kind.wire()))
                        .and(CHANNEL_PERMISSION_OVERRIDES.TARGET_ID.eq(targetId)))
                .returningResult(CHANNEL_PERMISSION_OVERRIDES.GUILD_ID)
                .fetchOptional(CHANNEL_PERMISSION_OVERRIDES.GUILD_ID);
        guild.ifPresent(g -> changes.changed(new GuildId(g)));
        return guild.isPresent();
    }
}
