package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.ListChannelsUseCase;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.access.PermissionEvaluator;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.id.ChannelId;
import java.util.List;
import java.util.Map;

/** Implements {@link ListChannelsUseCase} with a constant number of reads: channels and all their overrides at once. */
public final class ListChannelsService implements ListChannelsUseCase {
    private final GuildKit kit;

    public ListChannelsService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public List<Channel> list(ListChannelsQuery query) {
        kit.ladder().screen(query.user(), query.guild(), query.clientIp(), IpBanSurface.GUILD_CHANNELS_LIST);
        return kit.store().tx(() -> {
            GuildAccess access = kit.ladder().guild(query.user(), query.guild());
            Map<ChannelId, List<ChannelOverride>> overrides = kit.store().channels().overridesOfGuild(query.guild());
            return kit.store().channels().listOf(query.guild()).stream()
                    .filter(c -> PermissionEvaluator.evaluate(access.actor()
                            .inChannel(overrides.getOrDefault(c.id(), List.of()))).has(Permission.CREATE_MESSAGE))
                    .limit(MAX_CHANNELS)
                    .toList();
        });
    }
}
