package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.ListRolesUseCase;
import dev.filament.application.guild.port.out.RoleRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;

/** Implements {@link ListRolesUseCase}. */
public final class ListRolesService implements ListRolesUseCase {
    private final UnitOfWork tx;
    private final RoleRepository roles;
    private final AccessLadder ladder;

    public ListRolesService(UnitOfWork tx, RoleRepository roles, AccessLadder ladder) {
        this.tx = tx;
        this.roles = roles;
        this.ladder = ladder;
    }

    @Override
    public RolesResult list(UserId user, GuildId guild) {
        return tx.inTransaction(() -> {
            GuildAccess access = ladder.guild(user, guild);
            return new RolesResult(roles.listOf(guild), access.guild().defaultJoinRole());
        });
    }
}
