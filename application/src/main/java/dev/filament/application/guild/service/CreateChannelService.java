package dev.filament.application.guild.service;

import dev.filament.application.guild.handoff.Wire;
import dev.filament.application.guild.port.in.CreateChannelUseCase;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.ChannelName;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.GuildQuotas;

/** Implements {@link CreateChannelUseCase}; the 500-channel cap is checked under the guild row lock. */
public final class CreateChannelService implements CreateChannelUseCase {
    private final GuildKit kit;

    public CreateChannelService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public Channel create(CreateChannelCommand command) {
        kit.ladder().screen(command.user(), command.guild(), command.clientIp(), IpBanSurface.GUILD_CHANNELS_CREATE);
        Channel channel = kit.store().tx(() -> {
            kit.ladder().guild(command.user(), command.guild()).require(Permission.MANAGE_CHANNEL_OVERRIDES);
            ChannelName name = ChannelName.of(command.name());
            kit.store().guilds().lock(command.guild()).orElseThrow();
            GuildQuotas.roomForChannel(kit.store().channels().count(command.guild())).orThrow();
            Channel created = new Channel(kit.ids().newChannelId(), command.guild(), name,
                    command.kind().orElse(ChannelKind.DEFAULT), kit.now());
            kit.store().channels().insert(created);
            return created;
        });
        kit.handOffs().publishToGuild(command.guild(), "channel_create", Wire.object()
                .put("guild_id", command.guild().value()).put("channel", Wire.channel(channel)).build());
        return channel;
    }
}
