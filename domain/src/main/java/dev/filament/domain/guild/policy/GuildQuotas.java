package dev.filament.domain.guild.policy;

import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.policy.Decision;

/**
 * Policy: the count caps of SPEC 5.7-5.9, each checked inside the transaction that holds the named row lock
 * (SPEC 1.11 W2). Counts are those before the write.
 */
public final class GuildQuotas {
    public static final int MAX_ROLES_PER_GUILD = 64;
    public static final int MAX_EXPLICIT_ASSIGNMENTS_PER_MEMBER = 16;
    public static final int MAX_CHANNELS_PER_GUILD = 500;

    private GuildQuotas() {
    }

    /** 64 roles in the guild (seeded included) → 409 {@code quota_exceeded}. */
    public static Decision roomForRole(int rolesInGuild) {
        return below(rolesInGuild, MAX_ROLES_PER_GUILD, "roles");
    }

    /** 16 explicit assignments already → 409 {@code quota_exceeded}. */
    public static Decision roomForAssignment(int explicitAssignments) {
        return below(explicitAssignments, MAX_EXPLICIT_ASSIGNMENTS_PER_MEMBER, "role assignments");
    }

    /** 500 channels already → 409 {@code quota_exceeded}. */
    public static Decision roomForChannel(int channelsInGuild) {
        return below(channelsInGuild, MAX_CHANNELS_PER_GUILD, "channels");
    }

    /** Guilds created by the caller ≥ the configured cap → 403 {@code guild_creation_limit_reached}. */
    public static Decision roomForCreatedGuild(int createdByUser, int maxCreatedGuildsPerUser) {
        return createdByUser < maxCreatedGuildsPerUser
                ? Decision.allow()
                : Decision.deny(() -> new ForbiddenException(ForbiddenException.GUILD_CREATION_LIMIT_REACHED,
                        "guild creation limit reached"));
    }

    private static Decision below(int count, int max, String what) {
        return count < max ? Decision.allow() : Decision.deny(() -> ConflictException.quotaExceeded(what));
    }
}
