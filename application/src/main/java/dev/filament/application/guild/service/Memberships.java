package dev.filament.application.guild.service;

import dev.filament.application.guild.port.out.MemberRepository;
import dev.filament.application.guild.port.out.RoleRepository;
import dev.filament.application.wire.GuildEvent;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.util.Optional;

/** Helper shared by add-member and directory join: admitting a user and the {@code workspace_member_add} payload. */
public final class Memberships {
    private final MemberRepository members;
    private final RoleRepository roles;

    public Memberships(MemberRepository members, RoleRepository roles) {
        this.members = members;
        this.roles = roles;
    }

    /**
     * Inserts the membership and assigns the default join role when one is set; false (and nothing written) when the
     * user was already a member, also through a concurrent insert.
     */
    public boolean admit(Guild guild, UserId user, Instant now) {
        if (!members.insertIfAbsent(guild.id(), user, now)) {
            return false;
        }
        guild.defaultJoinRole().ifPresent(role -> roles.assign(guild.id(), role, user, now));
        return true;
    }

    /** {@code {guild_id, user_id, role: "member", joined_at_unix, actor_user_id?}}. */
    public static GuildEvent.MemberAdd memberAdd(GuildId guild, UserId user, Instant now, Optional<UserId> actor) {
        return GuildEvent.MemberAdd.of(guild, user, LegacyRole.MEMBER.wire(), now, actor);
    }
}
