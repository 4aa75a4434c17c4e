package dev.filament.postgres;

import dev.filament.domain.id.GuildId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Which guilds' access data (guild, roles, assignments, membership, channels, overrides, IP bans) a transaction
 * wrote. The repositories report each such write; listeners (the access cache) hear of each changed guild once the
 * transaction has ended, on the writing thread, before the use case returns (SPEC 5.4's invalidation rule).
 */
public final class GuildChanges {
    private final ThreadBoundConnections connections;
    private final List<Consumer<GuildId>> listeners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Set<GuildId>> written = new ThreadLocal<>();

    GuildChanges(ThreadBoundConnections connections) {
        this.connections = connections;
    }

    /** Registers a listener for every guild whose access data changed (after the writing transaction ended). */
    public void onChange(Consumer<GuildId> listener) {
        listeners.add(listener);
    }

    /** Called by a repository after a write touching {@code guild}'s access data. */
    public void changed(GuildId guild) {
        if (!connections.isBound()) {
            announce(guild); // auto-committed already
            return;
        }
        Set<GuildId> guilds = written.get();
        if (guilds == null) {
            Set<GuildId> fresh = new HashSet<>();
            written.set(fresh);
            connections.afterTransaction(() -> {
                written.remove();
                fresh.forEach(this::announce);
            });
            guilds = fresh;
        }
        guilds.add(guild);
    }

    /** Whether the calling thread's open transaction wrote {@code guild}'s access data (its reads must skip caches). */
    public boolean changedInThisTransaction(GuildId guild) {
        Set<GuildId> guilds = written.get();
        return guilds != null && guilds.contains(guild);
    }

    private void announce(GuildId guild) {
        listeners.forEach(l -> l.accept(guild));
    }
}
