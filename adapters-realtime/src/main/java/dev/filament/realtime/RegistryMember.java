package dev.filament.realtime;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import java.util.HashSet;
import java.util.Set;

/**
 * The registry's state of one connection or detached gateway session: its subscriptions and whether it was removed or
 * detached. Its monitor makes that connection's registry changes atomic; every field is guarded by it.
 */
final class RegistryMember {
    final ConnectionSession session;
    final Set<ChannelKey> subscriptions = new HashSet<>();
    boolean removed;
    boolean detached;

    RegistryMember(ConnectionSession session) {
        this.session = session;
    }

    /** The guilds it holds subscriptions in. */
    Set<GuildId> guilds() {
        Set<GuildId> guilds = new HashSet<>();
        subscriptions.forEach(key -> guilds.add(key.guild()));
        return guilds;
    }

    /** A (guild, channel) subscription key. */
    record ChannelKey(GuildId guild, ChannelId channel) {
    }
}
