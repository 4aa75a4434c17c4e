package dev.filament.application.wire;

import dev.filament.domain.guild.Channel;

/** {@code Channel = {channel_id, name, kind}} (SPEC 5.6). */
public record ChannelShape(String channelId, String name, String kind) {

    public static ChannelShape of(Channel c) {
        return new ChannelShape(c.id().value(), c.name().value(), c.kind().wire());
    }
}
