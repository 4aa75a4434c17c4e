package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.access.OverrideTargetKind;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Out-port: the channels of a guild and their permission override rows (tables {@code channels},
 * {@code channel_permission_overrides}). Runs inside the caller's transaction; caps are checked by the caller while
 * it holds the guild row lock ({@link GuildRepository#lock}).
 */
public interface ChannelRepository {

    void insert(Channel channel);

    /** The channel when it exists and belongs to {@code guild}. */
    Optional<Channel> find(GuildId guild, ChannelId channel);

    int count(GuildId guild);

    /** Every channel of the guild, {@code created_at ASC, channel_id ASC}. */
    List<Channel> listOf(GuildId guild);

    /** The override rows of one channel, no order. */
    List<ChannelOverride> overridesOf(ChannelId channel);

    /** The override rows of every channel of the guild in one query; channels without rows are absent. */
    Map<ChannelId, List<ChannelOverride>> overridesOfGuild(GuildId guild);

    /** Inserts or replaces the row for ({@code channel}, target kind, target id), stamping {@code updatedAt}. */
    void upsertOverride(GuildId guild, ChannelId channel, ChannelOverride row, Instant updatedAt);

    /** Deletes that row when present; returns whether a row was deleted. */
    boolean deleteOverride(ChannelId channel, OverrideTargetKind kind, String targetId);
}
