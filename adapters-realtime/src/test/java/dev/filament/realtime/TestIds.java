package dev.filament.realtime;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import java.util.concurrent.atomic.AtomicLong;

/** Unique, increasing ULIDs for tests. */
final class TestIds {
    private static final AtomicLong NEXT = new AtomicLong();

    private TestIds() {
    }

    static String next() {
        return String.format("01J%023d", NEXT.incrementAndGet());
    }

    static UserId user() {
        return UserId.of(next());
    }

    static GuildId guild() {
        return GuildId.of(next());
    }

    static ChannelId channel() {
        return ChannelId.of(next());
    }

    static SessionId session() {
        return SessionId.of(next());
    }

    static ConnectionId connection() {
        return ConnectionId.of(next());
    }
}
