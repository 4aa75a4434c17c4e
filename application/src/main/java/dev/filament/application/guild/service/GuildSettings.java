package dev.filament.application.guild.service;

import dev.filament.domain.guild.ipban.InfrastructureNetworks;
import dev.filament.domain.id.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration the guild use cases read (SPEC 13): {@code FILAMENT_SERVER_OWNER_USER_ID},
 * {@code FILAMENT_MAX_CREATED_GUILDS_PER_USER}, {@code FILAMENT_AUDIT_LIST_LIMIT_MAX},
 * {@code FILAMENT_GUILD_IP_BAN_MAX_ENTRIES} and the infrastructure networks (loopback + trusted proxies).
 */
public record GuildSettings(Optional<UserId> serverOwner, int maxCreatedGuildsPerUser, int auditListLimitMax,
                            int ipBanMaxEntries, InfrastructureNetworks infrastructure) {
    public GuildSettings {
        Objects.requireNonNull(serverOwner, "serverOwner");
        Objects.requireNonNull(infrastructure, "infrastructure");
        if (maxCreatedGuildsPerUser < 1 || auditListLimitMax < 1 || ipBanMaxEntries < 1) {
            throw new IllegalArgumentException("guild settings: caps and limits must be >= 1");
        }
    }

    /** The SPEC defaults: no server owner, 5 guilds, audit limit 100, 4096 IP bans, no trusted proxies. */
    public static GuildSettings defaults() {
        return new GuildSettings(Optional.empty(), 5, 100, 4096, InfrastructureNetworks.of(java.util.List.of()));
    }

    public GuildSettings withServerOwner(UserId owner) {
        return new GuildSettings(Optional.of(owner), maxCreatedGuildsPerUser, auditListLimitMax, ipBanMaxEntries,
                infrastructure);
    }

    public boolean isServerOwner(UserId user) {
        return serverOwner.isPresent() && serverOwner.get().equals(user);
    }
}
