package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.ListRolesUseCase;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;

/** Implements {@link ListRolesUseCase}. */
public final class ListRolesService implements ListRolesUseCase {
    private final GuildKit kit;

    public ListRolesService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public RolesResult list(UserId user, GuildId guild) {
        return kit.store().tx(() -> {
            GuildAccess access = kit.ladder().guild(user, guild);
            return new RolesResult(kit.store().roles().listOf(guild), access.guild().defaultJoinRole());
        });
    }
}
