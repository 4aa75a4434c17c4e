package dev.filament.application.guild.port.in;

import dev.filament.domain.guild.access.OverrideTargetKind;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.util.Objects;

/**
 * Use case: set or clear a channel permission override (SPEC 5.8
 * {@code POST .../permission-overrides/{target_kind}/{target_id}} and the alias {@code .../overrides/{role}}).
 * Answered as {@code Accepted}; audits {@code channel.permission_override.update} and publishes
 * {@code workspace_channel_permission_override_update}; the alias then also publishes
 * {@code workspace_channel_role_override_update} with its legacy role name.
 */
public interface UpsertChannelOverrideUseCase {

    /**
     * @throws dev.filament.domain.error.InvalidRequestException 400 a permission both allowed and denied
     * @throws dev.filament.domain.error.NotFoundException 404 guild, channel, role of G or user unknown
     * @throws dev.filament.domain.error.ForbiddenException 403 ladder, or {@code allow} beyond the caller's mask
     */
    void upsert(UpsertChannelOverrideCommand command);

    /** The override target: by kind and id, or by the legacy role name of the alias route. */
    sealed interface Target permits ByKind, ByLegacyRole {
    }

    /** {@code target_id} is any ULID the path carried (a role id for {@code role}, a user id for {@code member}). */
    record ByKind(OverrideTargetKind kind, String targetId) implements Target {
        public ByKind {
            Objects.requireNonNull(kind, "kind");
            targetId = dev.filament.domain.id.Ulid.require(targetId, "targetId");
        }
    }

    /** The alias: {@code owner|moderator|member} selects the seeded role. */
    record ByLegacyRole(LegacyRole role) implements Target {
        public ByLegacyRole {
            Objects.requireNonNull(role, "role");
        }
    }

    /** Body {@code {allow: [perm], deny: [perm]}} (both required, parsed by the transport). */
    record UpsertChannelOverrideCommand(UserId user, ClientIp clientIp, GuildId guild, ChannelId channel,
                                        Target target, PermissionSet allow, PermissionSet deny) {
        public UpsertChannelOverrideCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(clientIp, "clientIp");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(allow, "allow");
            Objects.requireNonNull(deny, "deny");
        }
    }
}
