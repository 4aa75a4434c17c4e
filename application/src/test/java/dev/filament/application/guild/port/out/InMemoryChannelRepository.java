package dev.filament.application.guild.port.out;

import dev.filament.application.guild.port.out.InMemoryGuildDatabase.OverrideKey;
import dev.filament.application.guild.port.out.InMemoryGuildDatabase.StoredOverride;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.access.OverrideTargetKind;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Fake {@link ChannelRepository} over an {@link InMemoryGuildDatabase}. */
public final class InMemoryChannelRepository implements ChannelRepository {
    private final InMemoryGuildDatabase db;
    private int overrideReads;

    public InMemoryChannelRepository(InMemoryGuildDatabase db) {
        this.db = db;
    }

    @Override
    public void insert(Channel channel) {
        synchronized (db) {
            db.channels.put(channel.id(), channel);
        }
    }

    @Override
    public Optional<Channel> find(GuildId guild, ChannelId channel) {
        synchronized (db) {
            return Optional.ofNullable(db.channels.get(channel)).filter(c -> c.guildId().equals(guild));
        }
    }

    @Override
    public int count(GuildId guild) {
        synchronized (db) {
            return (int) db.channels.values().stream().filter(c -> c.guildId().equals(guild)).count();
        }
    }

    @Override
    public List<Channel> listOf(GuildId guild) {
        synchronized (db) {
            return db.channels.values().stream().filter(c -> c.guildId().equals(guild))
                    .sorted(Comparator.comparing(Channel::createdAt).thenComparing(Channel::id)).toList();
        }
    }

    @Override
    public List<ChannelOverride> overridesOf(ChannelId channel) {
        synchronized (db) {
            overrideReads++;
            return db.overrides.entrySet().stream().filter(e -> e.getKey().channel().equals(channel))
                    .map(e -> e.getValue().row()).toList();
        }
    }

    @Override
    public Map<ChannelId, List<ChannelOverride>> overridesOfGuild(GuildId guild) {
        synchronized (db) {
            overrideReads++;
            return db.overrides.entrySet().stream().filter(e -> e.getValue().guild().equals(guild))
                    .collect(Collectors.groupingBy(e -> e.getKey().channel(),
                            Collectors.mapping(e -> e.getValue().row(), Collectors.toList())));
        }
    }

    @Override
    public void upsertOverride(GuildId guild, ChannelId channel, ChannelOverride row, Instant updatedAt) {
        synchronized (db) {
            db.overrides.put(new OverrideKey(channel, row.targetKind(), row.targetId()),
                    new StoredOverride(guild, row, updatedAt));
        }
    }

    @Override
    public boolean deleteOverride(ChannelId channel, OverrideTargetKind kind, String targetId) {
        synchronized (db) {
            return db.overrides.remove(new OverrideKey(channel, kind, targetId)) != null;
        }
    }

    /** How many override reads ran: the constant-queries check of the channel list. */
    public int overrideReads() {
        synchronized (db) {
            return overrideReads;
        }
    }
}
