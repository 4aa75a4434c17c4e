package dev.filament.application.gateway.port.out;

import dev.filament.domain.id.GuildId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fake {@link SubscriptionRevalidations}: one counter per guild bumped by every request, and the requests in order.
 * {@link #onStamp} lets a test run a concurrent commit at the moment the command reads its stamp. Thread-safe.
 */
public final class InMemorySubscriptionRevalidations implements SubscriptionRevalidations {
    private final Map<GuildId, Long> stamps = new HashMap<>();
    private final List<GuildId> requests = new ArrayList<>();
    private Runnable afterFirstStamp = () -> { };

    @Override
    public long stamp(GuildId guild) {
        Runnable hook;
        long value;
        synchronized (this) {
            value = stamps.getOrDefault(guild, 0L);
            hook = afterFirstStamp;
            afterFirstStamp = () -> { };
        }
        hook.run();
        return value;
    }

    @Override
    public synchronized void request(GuildId guild) {
        stamps.merge(guild, 1L, Long::sum);
        requests.add(guild);
    }

    /** Runs {@code hook} once, right after the next {@link #stamp} was read. */
    public synchronized void onStamp(Runnable hook) {
        afterFirstStamp = hook;
    }

    public synchronized List<GuildId> requests() {
        return List.copyOf(requests);
    }
}
