package dev.filament.application.guild.port.in;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.IpBanId;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Use case: ban every network a user was seen from (SPEC 6.6 {@code POST /guilds/{g}/ip-bans/by-user}). Audits
 * {@code moderation.ip_ban.add}; publishes {@code workspace_ip_ban_sync} ({@code upsert}) when something was created.
 */
public interface CreateIpBansByUserUseCase {

    /**
     * @throws dev.filament.domain.error.InvalidRequestException 400 bad reason or expiry
     * @throws dev.filament.domain.error.NotFoundException 404 unknown user
     * @throws dev.filament.domain.error.ForbiddenException 403 ladder, protected target, hierarchy
     * @throws dev.filament.domain.error.ConflictException 409 {@code quota_exceeded} over the IP-ban cap
     */
    Created create(CreateIpBansByUserCommand command);

    /** Body {@code {target_user_id, reason?, expires_in_secs?}}. */
    record CreateIpBansByUserCommand(UserId user, GuildId guild, UserId target, Optional<String> reason,
                                     OptionalLong expiresInSecs) {
        public CreateIpBansByUserCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(expiresInSecs, "expiresInSecs");
        }
    }

    /** {@code {created_count, ban_ids: [ULID]}}. */
    record Created(int createdCount, List<IpBanId> banIds) {
        public Created {
            banIds = List.copyOf(banIds);
        }
    }
}
