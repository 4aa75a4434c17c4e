package dev.filament.application.guild.service;

import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.access.EffectivePermissions;
import dev.filament.domain.guild.access.PermissionEvaluator;
import dev.filament.domain.guild.permission.Permission;
import java.util.Objects;

/** Result of ladder step {@code C}: the channel and the caller's context inside it (with its override rows). */
public record ChannelAccess(GuildAccess guild, Channel channel, AccessContext actorInChannel) {
    public ChannelAccess {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actorInChannel, "actorInChannel");
    }

    /** The caller's channel-level permissions (SPEC 5.4 with channel). */
    public EffectivePermissions permissions() {
        return PermissionEvaluator.evaluate(actorInChannel);
    }

    /** Ladder step {@code CP(p)}: 403 {@code forbidden} when the caller lacks {@code p} in the channel. */
    public ChannelAccess require(Permission p) {
        permissions().require(p).orThrow();
        return this;
    }
}
