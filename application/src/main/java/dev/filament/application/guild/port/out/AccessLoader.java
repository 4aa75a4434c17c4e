package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.role.GuildRoles;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Out-port: the reads behind the access ladder (SPEC 5.5), each a constant number of queries whatever the size of
 * the guild. Runs inside the caller's transaction.
 * The test-jar implements it over the repository ports for the in-memory fakes ({@code RepositoryAccessLoader}); an
 * adapter may answer each method with a single query.
 */
public interface AccessLoader {
    /** The most users one {@link #memberships} call takes (one statement, one bounded bind array). */
    int MAX_BATCH = 1_000;

    /** The guild row with all its roles; empty when the guild does not exist. */
    Optional<GuildSnapshot> guild(GuildId guild);

    /** The user's explicit assignments when the user is a member of the guild; empty for a non-member. */
    Optional<List<RoleId>> membership(GuildId guild, UserId user);

    /**
     * {@link #membership} for many users in one read: each user who is a member maps to its explicit assignments;
     * non-members are absent. Duplicates are allowed; at most {@link #MAX_BATCH} users, else
     * {@link IllegalArgumentException}.
     */
    Map<UserId, List<RoleId>> memberships(GuildId guild, Collection<UserId> users);

    /** The argument check every {@link #memberships} implementation starts with. */
    static void checkBatch(Collection<UserId> users) {
        if (users.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " users per batch, got " + users.size());
        }
    }

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
