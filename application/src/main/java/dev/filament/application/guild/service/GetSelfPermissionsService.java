package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.GetSelfPermissionsUseCase;
import dev.filament.domain.guild.access.EffectivePermissions;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.guild.permission.Permission;

/** Implements {@link GetSelfPermissionsUseCase}: {@code G}, {@code IP}, {@code C}, {@code CP(create_message)}. */
public final class GetSelfPermissionsService implements GetSelfPermissionsUseCase {
    private final GuildKit kit;

    public GetSelfPermissionsService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public EffectivePermissions get(GetSelfPermissionsQuery query) {
        kit.ladder().screen(query.user(), query.guild(), query.clientIp(), IpBanSurface.CHANNELS_PERMISSIONS_SELF);
        return kit.store().tx(() -> kit.ladder()
                .channel(kit.ladder().guild(query.user(), query.guild()), query.channel())
                .require(Permission.CREATE_MESSAGE)
                .permissions());
    }
}
