package dev.filament.domain.voice;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Value: a user's LiveKit participant identity in one voice channel, {@code u.{user_id}.{guild_id}.{channel_id}}
 * (SPEC 11.2). One per (user, channel), so a new token for the same channel reuses it.
 */
public record VoiceIdentity(UserId user, GuildId guild, ChannelId channel) {
    static final String PREFIX = "u.";

    public VoiceIdentity {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        VoiceNames.require(format(user, guild, channel), "identity");
    }

    /** The identity string LiveKit knows. */
    public String value() {
        return format(user, guild, channel);
    }

    public VoiceRoom room() {
        return new VoiceRoom(guild, channel);
    }

    /** The identity spelled {@code value} when it has our exact shape (upper-case ULIDs), else empty. */
    public static Optional<VoiceIdentity> parse(String value) {
        if (!VoiceNames.isValid(value) || !value.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] ids = value.substring(PREFIX.length()).split("\\.", -1);
        if (ids.length != 3) {
            return Optional.empty();
        }
        Optional<String> u = UlidParts.exact(ids[0]);
        Optional<String> g = UlidParts.exact(ids[1]);
        Optional<String> c = UlidParts.exact(ids[2]);
        if (u.isEmpty() || g.isEmpty() || c.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VoiceIdentity(UserId.of(u.get()), GuildId.of(g.get()), ChannelId.of(c.get())));
    }

    private static String format(UserId user, GuildId guild, ChannelId channel) {
        return PREFIX + user.value() + "." + guild.value() + "." + channel.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
