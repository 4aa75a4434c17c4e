package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.GetSelfPermissionsUseCase;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.guild.access.EffectivePermissions;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.guild.permission.Permission;

/** Implements {@link GetSelfPermissionsUseCase}: {@code G}, {@code IP}, {@code C}, {@code CP(create_message)}. */
public final class GetSelfPermissionsService implements GetSelfPermissionsUseCase {
    private final UnitOfWork tx;
    private final AccessLadder ladder;

    public GetSelfPermissionsService(UnitOfWork tx, AccessLadder ladder) {
        this.tx = tx;
        this.ladder = ladder;
    }

    @Override
    public EffectivePermissions get(GetSelfPermissionsQuery query) {
        ladder.screen(query.user(), query.guild(), query.clientIp(), IpBanSurface.CHANNELS_PERMISSIONS_SELF);
        return tx.inTransaction(() -> ladder
                .channel(ladder.guild(query.user(), query.guild()), query.channel())
                .require(Permission.CREATE_MESSAGE)
                .permissions());
    }
}
