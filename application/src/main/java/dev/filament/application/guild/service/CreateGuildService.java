package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.CreateGuildUseCase;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.guild.port.out.UserDirectory;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.GuildName;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.policy.GuildQuotas;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SeededRoles;
import dev.filament.domain.id.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Implements {@link CreateGuildUseCase}: under the caller's user row lock counts the guilds they created (cap, SPEC
 * W2), then inserts the guild, the four seeded roles, the membership and the {@code workspace_owner} assignment.
 * No audit, no event.
 */
public final class CreateGuildService implements CreateGuildUseCase {
    private final UnitOfWork tx;
    private final GuildRepository guilds;
    private final UserDirectory users;
    private final IdGenerator ids;
    private final Clock clock;
    private final GuildSettings settings;

    public CreateGuildService(UnitOfWork tx, GuildRepository guilds, UserDirectory users, IdGenerator ids, Clock clock,
                              GuildSettings settings) {
        this.tx = tx;
        this.guilds = guilds;
        this.users = users;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Guild create(CreateGuildCommand command) {
        GuildName name = GuildName.of(command.name());
        Visibility visibility = command.visibility().orElse(Visibility.DEFAULT);
        Instant now = StoredTime.now(clock);
        return tx.inTransaction(() -> {
            if (!users.lock(command.user())) {
                throw new NotFoundException("user");
            }
            int created = guilds.countCreatedBy(command.user());
            GuildQuotas.roomForCreatedGuild(created, settings.maxCreatedGuildsPerUser()).orThrow();
            Guild guild = Guild.create(ids.newGuildId(), name, visibility, command.user(), now);
            List<Role> seeded = SeededRoles.ALL.stream()
                    .map(d -> Role.seed(d.key(), ids.newRoleId(), guild.id()))
                    .toList();
            guilds.insertWithOwner(guild, seeded);
            return guild;
        });
    }
}
