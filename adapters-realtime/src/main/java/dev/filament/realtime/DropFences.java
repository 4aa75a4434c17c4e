package dev.filament.realtime;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The drop fences of {@link dev.filament.application.gateway.port.out.GatewayConnections#dropFence}: one counter per
 * stripe of (user, guild) pairs, moved before each kick or ban drop is handed off. Fixed memory whatever the number of
 * pairs; two pairs sharing a stripe only cost a subscribe one more access check. Lock-free; thread-safe.
 */
final class DropFences {
    private static final int STRIPES = 4096; // a power of two

    private final AtomicLongArray fences = new AtomicLongArray(STRIPES);

    long read(UserId user, GuildId guild) {
        return fences.get(stripe(user, guild));
    }

    /** Moves the fence of the pair; called before its drop is handed off. */
    void move(UserId user, GuildId guild) {
        fences.incrementAndGet(stripe(user, guild));
    }

    private static int stripe(UserId user, GuildId guild) {
        int h = user.hashCode() * 31 + guild.hashCode();
        h ^= h >>> 16;
        return h & (STRIPES - 1);
    }
}
