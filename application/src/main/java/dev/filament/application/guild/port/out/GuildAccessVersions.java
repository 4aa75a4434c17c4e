package dev.filament.application.guild.port.out;

import dev.filament.domain.id.GuildId;
import java.util.OptionalLong;

/**
 * Out-port: SPEC 17.8's per-guild version of the access data, shared by every node. A permission-affecting commit
 * bumps it (after the commit, before its response); a cached access snapshot is served only when the version read
 * by the same request equals the one it was filled under. Both bounded; never throw.
 */
public interface GuildAccessVersions {

    /** One process: its own invalidation after commit is enough (5.4), the version never moves. */
    GuildAccessVersions SINGLE_PROCESS = new GuildAccessVersions() {
        @Override
        public OptionalLong current(GuildId guild) {
            return OptionalLong.of(0);
        }

        @Override
        public void bump(GuildId guild) {
        }
    };

    /** The guild's current version; empty when it cannot be read in time (serve nothing cached then). */
    OptionalLong current(GuildId guild);

    /** After a commit that changed the guild's access data. */
    void bump(GuildId guild);
}
