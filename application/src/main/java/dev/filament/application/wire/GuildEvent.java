package dev.filament.application.wire;

import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The events of SPEC 9.5 sent to the connections subscribed in one guild. {@code actor_user_id?} is omitted when the
 * change had no acting user (a directory join).
 */
public sealed interface GuildEvent extends ServerEvent {

    /** {@code presence_update} {@code {guild_id, user_id, status: "online"|"offline"}}. */
    record PresenceUpdate(String guildId, String userId, String status) implements GuildEvent {
        public static final String TYPE = "presence_update";

        public static PresenceUpdate of(GuildId guild, UserId user, String status) {
            return new PresenceUpdate(guild.value(), user.value(), status);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code channel_create} {@code {guild_id, channel}}. */
    record ChannelCreate(String guildId, ChannelShape channel) implements GuildEvent {
        public static final String TYPE = "channel_create";

        public static ChannelCreate of(GuildId guild, Channel channel) {
            return new ChannelCreate(guild.value(), ChannelShape.of(channel));
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code workspace_update} {@code {guild_id, updated_fields: {name?, visibility?}, updated_at_unix, actor_user_id?}}. */
    record WorkspaceUpdate(String guildId, GuildFields updatedFields, long updatedAtUnix,
                           Optional<String> actorUserId) implements GuildEvent {
        public static final String TYPE = "workspace_update";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code updated_fields} of {@code workspace_update}: only the keys that changed. */
    record GuildFields(Optional<String> name, Optional<String> visibility) {
    }

    /** {@code workspace_member_add} {@code {guild_id, user_id, role, joined_at_unix, actor_user_id?}}. */
    record MemberAdd(String guildId, String userId, String role, long joinedAtUnix, Optional<String> actorUserId)
            implements GuildEvent {
        public static final String TYPE = "workspace_member_add";

        public static MemberAdd of(GuildId guild, UserId user, String role, Instant at, Optional<UserId> actor) {
            return new MemberAdd(guild.value(), user.value(), role, at.getEpochSecond(), actor.map(UserId::value));
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code workspace_member_update} {@code {guild_id, user_id, updated_fields: {role}, updated_at_unix, actor_user_id?}}. */
    record MemberUpdate(String guildId, String userId, MemberFields updatedFields, long updatedAtUnix,
                        Optional<String> actorUserId) implements GuildEvent {
        public static final String TYPE = "workspace_member_update";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code updated_fields} of {@code workspace_member_update}. */
    record MemberFields(String role) {
    }

    /** {@code workspace_member_remove} {@code {guild_id, user_id, reason: "kick"|"ban", removed_at_unix, actor_user_id?}}. */
    record MemberRemove(String guildId, String userId, String reason, long removedAtUnix,
                        Optional<String> actorUserId) implements GuildEvent {
        public static final String TYPE = "workspace_member_remove";

        public static MemberRemove of(GuildId guild, UserId user, String reason, Instant at, UserId actor) {
            return new MemberRemove(guild.value(), user.value(), reason, at.getEpochSecond(),
                    Optional.of(actor.value()));
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code workspace_member_ban} {@code {guild_id, user_id, banned_at_unix, actor_user_id?}}. */
    record MemberBan(String guildId, String userId, long bannedAtUnix, Optional<String> actorUserId)
            implements GuildEvent {
        public static final String TYPE = "workspace_member_ban";

        public static MemberBan of(GuildId guild, UserId user, Instant at, UserId actor) {
            return new MemberBan(guild.value(), user.value(), at.getEpochSecond(), Optional.of(actor.value()));
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code workspace_role_create} {@code {guild_id, role, actor_user_id?}}. */
    record RoleCreate(String guildId, RoleShape role, Optional<String> actorUserId) implements GuildEvent {
        public static final String TYPE = "workspace_role_create";

        public static RoleCreate of(GuildId guild, Role role, UserId actor) {
            return new RoleCreate(guild.value(), RoleShape.of(role), Optional.of(actor.value()));
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code workspace_role_update} {@code {guild_id, role_id, updated_fields, updated_at_unix, actor_user_id?}}. */
    record RoleUpdate(String guildId, String roleId, RoleFields updatedFields, long updatedAtUnix,
                      Optional<String> actorUserId) implements GuildEvent {
        public static final String TYPE = "workspace_role_update";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * {@code updated_fields} of {@code workspace_role_update}: {@code {name?, permissions?, color_hex?}}. A changed
     * colour that was cleared is present and {@code null}: the outer {@code Optional} says "changed", the inner one
     * holds the value.
     */
    record RoleFields(Optional<String> name, Optional<List<String>> permissions,
                      Optional<Optional<String>> colorHex) {
    }

    /** {@code workspace_role_delete} {@code {guild_id, role_id, deleted_at_unix, actor_user_id?}}. */
    record RoleDelete(String guildId, String roleId, long deletedAtUnix, Optional<String> actorUserId)
            implements GuildEvent {
        public static final String TYPE = "workspace_role_delete";

        public static RoleDelete of(GuildId guild, RoleId role, Instant at, UserId actor) {
            return new RoleDelete(guild.value(), role.value(), at.getEpochSecond(), Optional.of(actor.value()));
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code workspace_role_reorder} {@code {guild_id, role_ids, updated_at_unix, actor_user_id?}}. */
    record RoleReorder(String guildId, List<String> roleIds, long updatedAtUnix, Optional<String> actorUserId)
            implements GuildEvent {
        public static final String TYPE = "workspace_role_reorder";

        public RoleReorder {
            roleIds = List.copyOf(roleIds);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code workspace_role_assignment_add} {@code {guild_id, user_id, role_id, assigned_at_unix, actor_user_id?}}. */
    record RoleAssignmentAdd(String guildId, String userId, String roleId, long assignedAtUnix,
                             Optional<String> actorUserId) implements GuildEvent {
        public static final String TYPE = "workspace_role_assignment_add";

        public static RoleAssignmentAdd of(GuildId guild, UserId user, RoleId role, Instant at, UserId actor) {
            return new RoleAssignmentAdd(guild.value(), user.value(), role.value(), at.getEpochSecond(),
                    Optional.of(actor.value()));
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code workspace_role_assignment_remove} {@code {guild_id, user_id, role_id, removed_at_unix, actor_user_id?}}. */
    record RoleAssignmentRemove(String guildId, String userId, String roleId, long removedAtUnix,
                                Optional<String> actorUserId) implements GuildEvent {
        public static final String TYPE = "workspace_role_assignment_remove";

        public static RoleAssignmentRemove of(GuildId guild, UserId user, RoleId role, Instant at, UserId actor) {
            return new RoleAssignmentRemove(guild.value(), user.value(), role.value(), at.getEpochSecond(),
                    Optional.of(actor.value()));
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * {@code workspace_channel_permission_override_update}
     * {@code {guild_id, channel_id, target_kind, target_id, updated_fields: {allow, deny}, updated_at_unix, actor_user_id?}}.
     */
    record ChannelPermissionOverrideUpdate(String guildId, String channelId, String targetKind, String targetId,
                                           OverrideFields updatedFields, long updatedAtUnix,
                                           Optional<String> actorUserId) implements GuildEvent {
        public static final String TYPE = "workspace_channel_permission_override_update";

        public static ChannelPermissionOverrideUpdate of(GuildId guild, ChannelId channel, ChannelOverride row,
                                                         Instant at, UserId actor) {
            return new ChannelPermissionOverrideUpdate(guild.value(), channel.value(), row.targetKind().wire(),
                    row.targetId(), OverrideFields.of(row), at.getEpochSecond(), Optional.of(actor.value()));
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * {@code workspace_channel_role_override_update}
     * {@code {guild_id, channel_id, role, updated_fields: {allow, deny}, updated_at_unix, actor_user_id?}}: published
     * only by the legacy alias {@code POST .../overrides/{role}} (SPEC 5.8), after
     * {@link ChannelPermissionOverrideUpdate}; {@code role} is the path's legacy name {@code owner|moderator|member}.
     */
    record ChannelRoleOverrideUpdate(String guildId, String channelId, String role, OverrideFields updatedFields,
                                     long updatedAtUnix, Optional<String> actorUserId) implements GuildEvent {
        public static final String TYPE = "workspace_channel_role_override_update";

        public static ChannelRoleOverrideUpdate of(GuildId guild, ChannelId channel, LegacyRole role,
                                                   ChannelOverride row, Instant at, UserId actor) {
            return new ChannelRoleOverrideUpdate(guild.value(), channel.value(), role.wire(),
                    OverrideFields.of(row), at.getEpochSecond(), Optional.of(actor.value()));
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code updated_fields} of an override update: {@code {allow, deny}}, permission names in bit order. */
    record OverrideFields(List<String> allow, List<String> deny) {
        public OverrideFields {
            allow = List.copyOf(allow);
            deny = List.copyOf(deny);
        }

        /** The stored lists of the row. */
        public static OverrideFields of(ChannelOverride row) {
            return new OverrideFields(row.allow().toWireList(), row.deny().toWireList());
        }
    }

    /**
     * {@code workspace_ip_ban_sync} {@code {guild_id, summary: {action, changed_count}, updated_at_unix, actor_user_id?}};
     * published to the {@code manage_ip_bans} audience only.
     */
    record IpBanSync(String guildId, IpBanSummary summary, long updatedAtUnix, Optional<String> actorUserId)
            implements GuildEvent {
        public static final String TYPE = "workspace_ip_ban_sync";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code summary} of {@code workspace_ip_ban_sync}: {@code action} {@code "upsert"|"remove"}. */
    record IpBanSummary(String action, int changedCount) {
    }
}
