package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.id.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Fake {@link IpObservationQuery} over an {@link InMemoryGuildDatabase}; rows come from its {@code observe}. */
public final class InMemoryIpObservations implements IpObservationQuery {
    private final InMemoryGuildDatabase db;

    public InMemoryIpObservations(InMemoryGuildDatabase db) {
        this.db = db;
    }

    @Override
    public List<IpObservation> newestFirst(UserId user, int limit) {
        synchronized (db) {
            return db.observations.getOrDefault(user, Map.of()).values().stream()
                    .sorted(Comparator.comparing(IpObservation::lastSeenAt).reversed()).limit(limit).toList();
        }
    }
}
