package dev.filament.application.guild.service;

import dev.filament.application.guild.handoff.Wire;
import dev.filament.application.guild.port.in.AddMemberUseCase;
import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.permission.Permission;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link AddMemberUseCase} under the guild row lock (so a concurrent ban cannot interleave). */
public final class AddMemberService implements AddMemberUseCase {
    private final GuildKit kit;

    public AddMemberService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public void add(MemberCommand c) {
        Instant now = kit.now();
        boolean added = kit.store().tx(() -> {
            kit.ladder().guild(c.user(), c.guild()).require(Permission.MANAGE_MEMBER_ROLES);
            Guild guild = kit.store().guilds().lock(c.guild()).orElseThrow();
            if (!kit.store().users().exists(c.target())) {
                throw new NotFoundException("user");
            }
            if (kit.store().bans().isBanned(c.guild(), c.target())) {
                throw ForbiddenException.because("user is banned in the guild");
            }
            return Memberships.admit(kit, guild, c.target(), now);
        });
        if (added) {
            kit.handOffs().publishToGuild(c.guild(), "workspace_member_add",
                    Memberships.memberAdd(c.guild(), c.target(), now, Optional.of(c.user())));
        }
    }
}
