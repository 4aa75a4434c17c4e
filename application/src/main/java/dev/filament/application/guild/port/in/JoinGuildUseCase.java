package dev.filament.application.guild.port.in;

import dev.filament.domain.guild.directory.JoinOutcome;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.util.Objects;

/** Use case: join a public guild from the directory (SPEC 6.7 {@code POST /guilds/{g}/join}). */
public interface JoinGuildUseCase {

    /**
     * Returns {@code {guild_id, outcome}} for {@code accepted} and {@code already_member}. Every outcome is audited.
     *
     * @throws dev.filament.domain.error.RateLimitedException 429 {@code directory_join_ip} or {@code _user}
     * @throws dev.filament.domain.error.NotFoundException 404 unknown or private guild
     * @throws dev.filament.domain.error.ForbiddenException 403 {@code directory_join_user_banned} or
     *         {@code directory_join_ip_banned}
     */
    Joined join(JoinGuildCommand command);

    record JoinGuildCommand(UserId user, ClientIp clientIp, GuildId guild) {
        public JoinGuildCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(clientIp, "clientIp");
            Objects.requireNonNull(guild, "guild");
        }
    }

    /** {@code {guild_id, outcome: "accepted"|"already_member"}}. */
    record Joined(GuildId guildId, JoinOutcome outcome) {
        public Joined {
            Objects.requireNonNull(guildId, "guildId");
            if (Objects.requireNonNull(outcome, "outcome").isRejection()) {
                throw new IllegalArgumentException("a rejection is not a join result");
            }
        }
    }
}
