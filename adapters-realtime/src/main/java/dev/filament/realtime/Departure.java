package dev.filament.realtime;

import dev.filament.domain.id.GuildId;
import java.util.List;

/**
 * What removing a connection from the registry changed: the guilds where its user went offline and whether it was the
 * user's last connection. The caller publishes the follow-ups after the registry is consistent again.
 */
record Departure(List<GuildId> wentOffline, boolean lastConnectionOfUser) {
    static final Departure NONE = new Departure(List.of(), false);

    Departure {
        wentOffline = List.copyOf(wentOffline);
    }
}
