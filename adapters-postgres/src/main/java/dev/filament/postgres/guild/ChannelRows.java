package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.CHANNELS;
import static dev.filament.postgres.jooq.Tables.CHANNEL_PERMISSION_OVERRIDES;

import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.ChannelName;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.access.OverrideTargetKind;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.postgres.jooq.tables.records.ChannelsRecord;
import org.jooq.Record;

/** Maps {@code channels} and {@code channel_permission_overrides} rows; keeps jOOQ types inside this package. */
final class ChannelRows {
    private ChannelRows() {
    }

    static ChannelsRecord toRecord(Channel channel) {
        ChannelsRecord r = new ChannelsRecord();
        r.setChannelId(channel.id().value());
        r.setGuildId(channel.guildId().value());
        r.setName(channel.name().value());
        r.setKind(channel.kind().wire());
        r.setCreatedAt(Timestamps.stored(channel.createdAt()));
        return r;
    }

    /** A channel from any record holding the {@code channels} columns (plain or joined). */
    static Channel toChannel(Record r) {
        String kind = r.get(CHANNELS.KIND);
        return new Channel(new ChannelId(r.get(CHANNELS.CHANNEL_ID)), new GuildId(r.get(CHANNELS.GUILD_ID)),
                ChannelName.of(r.get(CHANNELS.NAME)),
                ChannelKind.fromWire(kind).orElseThrow(() -> new IllegalStateException("unknown kind " + kind)),
                Timestamps.instant(r.get(CHANNELS.CREATED_AT)));
    }

    /** An override from any record holding the {@code channel_permission_overrides} columns. */
    static ChannelOverride toOverride(Record r) {
        String kind = r.get(CHANNEL_PERMISSION_OVERRIDES.TARGET_KIND);
        return new ChannelOverride(OverrideTargetKind.fromWire(kind)
                .orElseThrow(() -> new IllegalStateException("unknown target_kind " + kind)),
                r.get(CHANNEL_PERMISSION_OVERRIDES.TARGET_ID),
                new PermissionSet(r.get(CHANNEL_PERMISSION_OVERRIDES.ALLOW_MASK)),
                new PermissionSet(r.get(CHANNEL_PERMISSION_OVERRIDES.DENY_MASK)));
    }
}
