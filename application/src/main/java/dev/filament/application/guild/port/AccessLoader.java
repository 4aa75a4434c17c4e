package dev.filament.application.guild.port;

import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.role.GuildRoles;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Out-port: the reads behind the access ladder (SPEC 5.5), each a constant number of queries whatever the size of
 * the guild. Runs inside the caller's transaction. {@link dev.filament.application.guild.access.RepositoryAccessLoader}
 * implements it over the repository ports; an adapter may answer each method with a single query.
 */
public interface AccessLoader {

    /** The guild row with all its roles; empty when the guild does not exist. */
    Optional<GuildSnapshot> guild(GuildId guild);

    /** The user's explicit assignments when the user is a member of the guild; empty for a non-member. */
    Optional<List<RoleId>> membership(GuildId guild, UserId user);

    /** The channel with its override rows; empty when it does not exist in the guild. */
    Optional<ChannelSnapshot> channel(GuildId guild, ChannelId channel);

    /** A guild with all its roles (the four seeded ones guaranteed, see {@link GuildRoles}). */
    record GuildSnapshot(Guild guild, GuildRoles roles) {
        public GuildSnapshot {
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(roles, "roles");
        }
    }

    /** A channel with its override rows. */
    record ChannelSnapshot(Channel channel, List<ChannelOverride> overrides) {
        public ChannelSnapshot {
            Objects.requireNonNull(channel, "channel");
            overrides = List.copyOf(overrides);
        }
    }
}
