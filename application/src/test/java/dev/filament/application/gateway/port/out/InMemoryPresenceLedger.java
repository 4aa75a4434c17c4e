package dev.filament.application.gateway.port.out;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@link PresenceLedger} of one node over an in-memory {@link Cluster} shared by the fakes of several nodes. */
public final class InMemoryPresenceLedger implements PresenceLedger {
    private final Cluster cluster;
    private final String instance;

    public InMemoryPresenceLedger(Cluster cluster, String instance) {
        this.cluster = cluster;
        this.instance = instance;
    }

    /** The shared state: (guild, user) -> instances where the user is online. */
    public static final class Cluster {
        private final Map<GuildId, Map<UserId, Set<String>>> online = new HashMap<>();
    }

    @Override
    public void transition(GuildId guild, UserId user, PresenceStatus status, Runnable publish) {
        boolean publishIt;
        synchronized (cluster) {
            Set<String> where = cluster.online.computeIfAbsent(guild, g -> new HashMap<>())
                    .computeIfAbsent(user, u -> new HashSet<>());
            if (status == PresenceStatus.ONLINE) {
                publishIt = where.add(instance) && where.size() == 1;
            } else {
                publishIt = where.remove(instance) && where.isEmpty();
            }
            if (where.isEmpty()) {
                cluster.online.get(guild).remove(user);
            }
        }
        if (publishIt) {
            publish.run();
        }
    }

    @Override
    public List<UserId> online(GuildId guild, List<UserId> local) {
        TreeSet<UserId> all = new TreeSet<>(local);
        synchronized (cluster) {
            all.addAll(cluster.online.getOrDefault(guild, Map.of()).keySet());
        }
        return List.copyOf(all);
    }
}
