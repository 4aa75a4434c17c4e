package dev.filament.domain.voice;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.Objects;
import java.util.Optional;

/** Value: the LiveKit room of one voice channel, named {@code filament.voice.{guild_id}.{channel_id}} (SPEC 11.2). */
public record VoiceRoom(GuildId guild, ChannelId channel) {
    static final String PREFIX = "filament.voice.";

    public VoiceRoom {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        VoiceNames.require(PREFIX + guild.value() + "." + channel.value(), "room");
    }

    public static VoiceRoom of(GuildId guild, ChannelId channel) {
        return new VoiceRoom(guild, channel);
    }

    /** The room name LiveKit knows. */
    public String name() {
        return PREFIX + guild.value() + "." + channel.value();
    }

    /** The identity {@code user} has in this room. */
    public VoiceIdentity identityOf(UserId user) {
        return new VoiceIdentity(user, guild, channel);
    }

    /** The room named {@code name} when it is one of ours (exact shape, upper-case ULIDs), else empty. */
    public static Optional<VoiceRoom> parse(String name) {
        if (!VoiceNames.isValid(name) || !name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] ids = name.substring(PREFIX.length()).split("\\.", -1);
        if (ids.length != 2) {
            return Optional.empty();
        }
        return UlidParts.exact(ids[0]).flatMap(g -> UlidParts.exact(ids[1])
                .map(c -> new VoiceRoom(GuildId.of(g), ChannelId.of(c))));
    }

    @Override
    public String toString() {
        return name();
    }
}
