package dev.filament.application.guild.port.in;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.IpBanId;
import dev.filament.domain.id.UserId;
import java.util.Objects;

/**
 * Use case: delete an IP ban, active or expired (SPEC 6.6 {@code DELETE /guilds/{g}/ip-bans/{ban_id}}). Answered as
 * {@code Accepted}; audits {@code moderation.ip_ban.remove}; publishes {@code workspace_ip_ban_sync} ({@code remove}).
 */
public interface DeleteIpBanUseCase {

    /**
     * @throws dev.filament.domain.error.NotFoundException 404 not a ban of G
     * @throws dev.filament.domain.error.ForbiddenException 403 ladder
     */
    void delete(DeleteIpBanCommand command);

    record DeleteIpBanCommand(UserId user, GuildId guild, IpBanId ban) {
        public DeleteIpBanCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(ban, "ban");
        }
    }
}
