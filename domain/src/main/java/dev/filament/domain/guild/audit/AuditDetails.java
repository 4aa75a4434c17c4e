package dev.filament.domain.guild.audit;

import java.util.List;
import java.util.Objects;

/**
 * Value: the {@code details} of an audit row (SPEC 7.1), one record per shape. Components carry wire values (ids,
 * wire names) and are named so that snake_case gives the stored keys, in stored key order; a component documented as
 * nullable is stored as JSON {@code null} when absent. Never returned by any route.
 */
public sealed interface AuditDetails {

    /**
     * A stored row whose details do not fit its action's shape (written by another version, or edited by hand): kept
     * verbatim so that listing the audit log never fails on an old row. Never written by this version.
     */
    record Unreadable(String storedJson) implements AuditDetails {
        public Unreadable {
            Objects.requireNonNull(storedJson, "storedJson");
        }
    }

    /** Actions without details: {@code member.kick}, {@code member.unban}. */
    record None() implements AuditDetails {
    }

    /** {@code directory.join.*}: the outcome and where the client address came from. */
    record JoinAttempt(String outcome, String clientIpSource) implements AuditDetails {
        public JoinAttempt {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(clientIpSource, "clientIpSource");
        }
    }

    /** {@code moderation.ip_ban.hit}: the surface that was refused. */
    record IpBanHit(String surface, String clientIpSource) implements AuditDetails {
        public IpBanHit {
            Objects.requireNonNull(surface, "surface");
            Objects.requireNonNull(clientIpSource, "clientIpSource");
        }
    }

    /** {@code moderation.ip_ban.add}; {@code expiresAtUnix} is null for a ban that never expires. */
    record IpBansAdded(int createdCount, List<String> banIds, Long expiresAtUnix) implements AuditDetails {
        public IpBansAdded {
            banIds = List.copyOf(Objects.requireNonNull(banIds, "banIds"));
        }
    }

    /** {@code moderation.ip_ban.remove}. */
    record IpBanRemoved(String banId) implements AuditDetails {
        public IpBanRemoved {
            Objects.requireNonNull(banId, "banId");
        }
    }

    /** {@code member.ban}: whether the target was a member when banned. */
    record MemberBanned(boolean wasMember) implements AuditDetails {
    }

    /** {@code member.role.update}: legacy role wire names before and after. */
    record MemberRoleChanged(String from, String to) implements AuditDetails {
        public MemberRoleChanged {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** {@code role.create}; {@code colorHex} is null for a role without colour. */
    record RoleCreated(String roleId, String name, int position, List<String> permissions, String colorHex)
            implements AuditDetails {
        public RoleCreated {
            Objects.requireNonNull(roleId, "roleId");
            Objects.requireNonNull(name, "name");
            permissions = List.copyOf(Objects.requireNonNull(permissions, "permissions"));
        }
    }

    /** {@code role.update}: the new name. */
    record RoleRenamed(String roleId, String name) implements AuditDetails {
        public RoleRenamed {
            Objects.requireNonNull(roleId, "roleId");
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code role.permissions.update}: the new permission wire names. */
    record RolePermissionsChanged(String roleId, List<String> permissions) implements AuditDetails {
        public RolePermissionsChanged {
            Objects.requireNonNull(roleId, "roleId");
            permissions = List.copyOf(Objects.requireNonNull(permissions, "permissions"));
        }
    }

    /** {@code role.color.update}; {@code colorHex} is null when the colour was cleared. */
    record RoleColorChanged(String roleId, String colorHex) implements AuditDetails {
        public RoleColorChanged {
            Objects.requireNonNull(roleId, "roleId");
        }
    }

    /** {@code role.delete}, {@code role.assign}, {@code role.unassign}: the role concerned. */
    record RoleRef(String roleId) implements AuditDetails {
        public RoleRef {
            Objects.requireNonNull(roleId, "roleId");
        }
    }

    /** {@code role.reorder}: role ids in their new order. */
    record RolesReordered(List<String> roleIds) implements AuditDetails {
        public RolesReordered {
            roleIds = List.copyOf(Objects.requireNonNull(roleIds, "roleIds"));
        }
    }

    /** {@code role.default_join.update}; {@code roleId} is null when the default join role was cleared. */
    record DefaultJoinRoleChanged(String roleId) implements AuditDetails {
    }

    /** {@code channel.permission_override.update}: the override as stored. */
    record ChannelOverrideUpdated(String channelId, String targetKind, String targetId, List<String> allow,
                                  List<String> deny) implements AuditDetails {
        public ChannelOverrideUpdated {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(targetKind, "targetKind");
            Objects.requireNonNull(targetId, "targetId");
            allow = List.copyOf(Objects.requireNonNull(allow, "allow"));
            deny = List.copyOf(Objects.requireNonNull(deny, "deny"));
        }
    }

    /** {@code message.edit.moderation}, {@code message.delete.moderation}: the message acted on. */
    record MessageModerated(String channelId, String messageId) implements AuditDetails {
        public MessageModerated {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(messageId, "messageId");
        }
    }

    /** {@code attachment.delete.moderation}; {@code messageId} is null for an unbound attachment. */
    record AttachmentModerated(String channelId, String attachmentId, String messageId) implements AuditDetails {
        public AttachmentModerated {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(attachmentId, "attachmentId");
        }
    }

    /** {@code media.token.issue}: the grant issued and the client address it was issued to. */
    record MediaTokenIssued(String channelId, String clientIp, String clientIpSource, boolean canPublish,
                            boolean canSubscribe, List<String> publishSources) implements AuditDetails {
        public MediaTokenIssued {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(clientIp, "clientIp");
            Objects.requireNonNull(clientIpSource, "clientIpSource");
            publishSources = List.copyOf(Objects.requireNonNull(publishSources, "publishSources"));
        }
    }
}
