package dev.filament.application.gateway.port.out;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.List;

/**
 * Out-port: presence across nodes (SPEC 17.6). The realtime core reports each local transition of a user in a guild
 * (9.8's counters going 0 -> 1 or 1 -> 0); the ledger runs {@code publish} when the transition is also one of the
 * whole cluster (or at once when it cannot tell, the local-only fallback). Never blocks; never throws.
 */
public interface PresenceLedger {

    /** Scale-out off: every local transition is the transition. */
    PresenceLedger LOCAL = new PresenceLedger() {
        @Override
        public void transition(GuildId guild, UserId user, PresenceStatus status, Runnable publish) {
            publish.run();
        }

        @Override
        public List<UserId> online(GuildId guild, List<UserId> local) {
            return local;
        }
    };

    /** A local transition; {@code publish} may run later, on another thread. */
    void transition(GuildId guild, UserId user, PresenceStatus status, Runnable publish);

    /** The users online in {@code guild} on any node, united with {@code local}, sorted ({@code presence_sync}). */
    List<UserId> online(GuildId guild, List<UserId> local);
}
