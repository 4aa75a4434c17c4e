package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.ListChannelsUseCase;
import dev.filament.application.guild.port.out.ChannelRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
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
    private final UnitOfWork tx;
    private final ChannelRepository channels;
    private final AccessLadder ladder;

    public ListChannelsService(UnitOfWork tx, ChannelRepository channels, AccessLadder ladder) {
        this.tx = tx;
        this.channels = channels;
        this.ladder = ladder;
    }

    @Override
    public List<Channel> list(ListChannelsQuery query) {
        ladder.screen(query.user(), query.guild(), query.clientIp(), IpBanSurface.GUILD_CHANNELS_LIST);
        return tx.inTransaction(() -> {
            GuildAccess access = ladder.guild(query.user(), query.guild());
            Map<ChannelId, List<ChannelOverride>> overrides = channels.overridesOfGuild(query.guild());
            return channels.listOf(query.guild()).stream()
                    .filter(c -> PermissionEvaluator.evaluate(access.actor()
                            .inChannel(overrides.getOrDefault(c.id(), List.of()))).has(Permission.CREATE_MESSAGE))
                    .limit(MAX_CHANNELS)
                    .toList();
        });
    }
}
