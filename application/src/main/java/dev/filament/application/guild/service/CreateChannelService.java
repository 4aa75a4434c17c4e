package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.CreateChannelUseCase;
import dev.filament.application.guild.port.out.ChannelRepository;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.wire.GuildEvent;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.ChannelName;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.GuildQuotas;
import dev.filament.domain.id.IdGenerator;
import java.time.Clock;

/** Implements {@link CreateChannelUseCase}; the 500-channel cap is checked under the guild row lock. */
public final class CreateChannelService implements CreateChannelUseCase {
    private final UnitOfWork tx;
    private final GuildRepository guilds;
    private final ChannelRepository channels;
    private final AccessLadder ladder;
    private final HandOffs handOffs;
    private final IdGenerator ids;
    private final Clock clock;

    public CreateChannelService(UnitOfWork tx, GuildRepository guilds, ChannelRepository channels, AccessLadder ladder,
                                HandOffs handOffs, IdGenerator ids, Clock clock) {
        this.tx = tx;
        this.guilds = guilds;
        this.channels = channels;
        this.ladder = ladder;
        this.handOffs = handOffs;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Channel create(CreateChannelCommand command) {
        ladder.screen(command.user(), command.guild(), command.clientIp(), IpBanSurface.GUILD_CHANNELS_CREATE);
        Channel channel = tx.inTransaction(() -> {
            ladder.guild(command.user(), command.guild()).require(Permission.MANAGE_CHANNEL_OVERRIDES);
            ChannelName name = ChannelName.of(command.name());
            guilds.lock(command.guild()).orElseThrow();
            GuildQuotas.roomForChannel(channels.count(command.guild())).orThrow();
            Channel created = new Channel(ids.newChannelId(), command.guild(), name,
                    command.kind().orElse(ChannelKind.DEFAULT), StoredTime.now(clock));
            channels.insert(created);
            return created;
        });
        handOffs.publishToGuild(command.guild(), GuildEvent.ChannelCreate.of(command.guild(), channel));
        return channel;
    }
}
