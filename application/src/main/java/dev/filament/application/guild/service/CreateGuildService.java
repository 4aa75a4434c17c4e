package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.CreateGuildUseCase;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.GuildName;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.policy.GuildQuotas;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SeededRoles;
import java.time.Instant;
import java.util.List;

/**
 * Implements {@link CreateGuildUseCase}: under the caller's user row lock counts the guilds they created (cap, SPEC
 * W2), then inserts the guild, the four seeded roles, the membership and the {@code workspace_owner} assignment.
 * No audit, no event.
 */
public final class CreateGuildService implements CreateGuildUseCase {
    private final GuildKit kit;

    public CreateGuildService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public Guild create(CreateGuildCommand command) {
        GuildName name = GuildName.of(command.name());
        Visibility visibility = command.visibility().orElse(Visibility.DEFAULT);
        Instant now = kit.now();
        return kit.store().tx(() -> {
            if (!kit.store().users().lock(command.user())) {
                throw new NotFoundException("user");
            }
            int created = kit.store().guilds().countCreatedBy(command.user());
            GuildQuotas.roomForCreatedGuild(created, kit.settings().maxCreatedGuildsPerUser()).orThrow();
            Guild guild = Guild.create(kit.ids().newGuildId(), name, visibility, command.user(), now);
            List<Role> seeded = SeededRoles.ALL.stream()
                    .map(d -> Role.seed(d.key(), kit.ids().newRoleId(), guild.id()))
                    .toList();
            kit.store().guilds().insertWithOwner(guild, seeded);
            return guild;
        });
    }
}
