package dev.filament.application.guild.service;

import dev.filament.application.guild.port.out.AccessLoader;
import dev.filament.application.guild.port.out.ChannelRepository;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.guild.port.out.MemberRepository;
import dev.filament.application.guild.port.out.RoleRepository;
import dev.filament.domain.guild.role.GuildRoles;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test-only {@link AccessLoader} over the repository ports (the in-memory fakes answer through it): two queries per
 * method, whatever the size of the guild.
 */
public final class RepositoryAccessLoader implements AccessLoader {
    private final GuildRepository guilds;
    private final RoleRepository roles;
    private final MemberRepository members;
    private final ChannelRepository channels;

    public RepositoryAccessLoader(GuildRepository guilds, RoleRepository roles, MemberRepository members,
                                  ChannelRepository channels) {
        this.guilds = guilds;
        this.roles = roles;
        this.members = members;
        this.channels = channels;
    }

    @Override
    public Optional<GuildSnapshot> guild(GuildId guild) {
        return guilds.find(guild).map(g -> new GuildSnapshot(g, GuildRoles.of(roles.listOf(guild))));
    }

    @Override
    public Optional<List<RoleId>> membership(GuildId guild, UserId user) {
        if (!members.isMember(guild, user)) {
            return Optional.empty();
        }
        return Optional.of(roles.assignmentsOf(guild, user));
    }

    /** Two queries per member here; an adapter answers it with one statement. */
    @Override
    public Map<UserId, List<RoleId>> memberships(GuildId guild, Collection<UserId> users) {
        AccessLoader.checkBatch(users);
        Map<UserId, List<RoleId>> found = new LinkedHashMap<>();
        for (UserId user : users) {
            membership(guild, user).ifPresent(assigned -> found.put(user, assigned));
        }
        return found;
    }

    @Override
    public Optional<ChannelSnapshot> channel(GuildId guild, ChannelId channel) {
        return channels.find(guild, channel).map(c -> new ChannelSnapshot(c, channels.overridesOf(channel)));
    }
}
