package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.AddMemberUseCase;
import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.guild.port.out.BanRepository;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.guild.port.out.UserDirectory;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.permission.Permission;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link AddMemberUseCase} under the guild row lock (so a concurrent ban cannot interleave). */
public final class AddMemberService implements AddMemberUseCase {
    private final UnitOfWork tx;
    private final GuildRepository guilds;
    private final BanRepository bans;
    private final UserDirectory users;
    private final Memberships memberships;
    private final AccessLadder ladder;
    private final HandOffs handOffs;
    private final Clock clock;

    public AddMemberService(UnitOfWork tx, GuildRepository guilds, BanRepository bans, UserDirectory users,
                            Memberships memberships, AccessLadder ladder, HandOffs handOffs, Clock clock) {
        this.tx = tx;
        this.guilds = guilds;
        this.bans = bans;
        this.users = users;
        this.memberships = memberships;
        this.ladder = ladder;
        this.handOffs = handOffs;
        this.clock = clock;
    }

    @Override
    public void add(MemberCommand c) {
        Instant now = StoredTime.now(clock);
        boolean added = tx.inTransaction(() -> {
            ladder.guild(c.user(), c.guild()).require(Permission.MANAGE_MEMBER_ROLES);
            Guild guild = guilds.lock(c.guild()).orElseThrow();
            if (!users.exists(c.target())) {
                throw new NotFoundException("user");
            }
            if (bans.isBanned(c.guild(), c.target())) {
                throw ForbiddenException.because("user is banned in the guild");
            }
            return memberships.admit(guild, c.target(), now);
        });
        if (added) {
            handOffs.publishToGuild(c.guild(), Memberships.memberAdd(c.guild(), c.target(), now, Optional.of(c.user())));
        }
    }
}
