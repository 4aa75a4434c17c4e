package dev.filament.application.search.service;

import dev.filament.application.guild.port.out.ChannelRepository;
import dev.filament.application.guild.service.GuildAccess;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.access.PermissionEvaluator;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.id.ChannelId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The channels of a guild the caller may read ({@code create_message}, SPEC 5.1) in two reads whatever the number of
 * channels: every channel, and every override row of the guild, evaluated in memory (SPEC 5.4).
 */
final class ReadableChannels {
    private ReadableChannels() {
    }

    static Set<ChannelId> of(GuildAccess access, ChannelRepository channels) {
        Map<ChannelId, List<ChannelOverride>> overrides = channels.overridesOfGuild(access.guild().id());
        return channels.listOf(access.guild().id()).stream()
                .map(Channel::id)
                .filter(id -> PermissionEvaluator.evaluate(access.actor()
                        .inChannel(overrides.getOrDefault(id, List.of()))).has(Permission.CREATE_MESSAGE))
                .collect(Collectors.toUnmodifiableSet());
    }
}
