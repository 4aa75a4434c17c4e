package dev.filament.domain.guild;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Entity: a channel row (SPEC 12 {@code channels}); wire shape {@code Channel = {channel_id, name, kind}}. */
public record Channel(ChannelId id, GuildId guildId, ChannelName name, ChannelKind kind, Instant createdAt) {
    public Channel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.SECONDS);
    }
}
