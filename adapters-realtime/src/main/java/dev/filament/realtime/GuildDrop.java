package dev.filament.realtime;

import dev.filament.domain.id.ChannelId;
import java.util.List;

/** What dropping one connection's subscriptions in a guild removed, and whether its user went offline there. */
record GuildDrop(List<ChannelId> channels, boolean wentOffline) {
    static final GuildDrop NONE = new GuildDrop(List.of(), false);

    GuildDrop {
        channels = List.copyOf(channels);
    }
}
