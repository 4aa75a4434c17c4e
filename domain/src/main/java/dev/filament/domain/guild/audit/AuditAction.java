package dev.filament.domain.guild.audit;

import dev.filament.domain.guild.role.RolePatch;
import java.util.Optional;

/** The audit actions of SPEC 7.1, by their exact wire names. */
public enum AuditAction {
    DIRECTORY_JOIN_ACCEPTED("directory.join.accepted"),
    DIRECTORY_JOIN_REJECTED_VISIBILITY("directory.join.rejected.visibility"),
    DIRECTORY_JOIN_REJECTED_USER_BAN("directory.join.rejected.user_ban"),
    DIRECTORY_JOIN_REJECTED_IP_BAN("directory.join.rejected.ip_ban"),
    MODERATION_IP_BAN_HIT("moderation.ip_ban.hit"),
    MODERATION_IP_BAN_ADD("moderation.ip_ban.add"),
    MODERATION_IP_BAN_REMOVE("moderation.ip_ban.remove"),
    MEMBER_KICK("member.kick"),
    MEMBER_BAN("member.ban"),
    MEMBER_UNBAN("member.unban"),
    MEMBER_ROLE_UPDATE("member.role.update"),
    ROLE_CREATE("role.create"),
    ROLE_UPDATE("role.update"),
    ROLE_PERMISSIONS_UPDATE("role.permissions.update"),
    ROLE_COLOR_UPDATE("role.color.update"),
    ROLE_DELETE("role.delete"),
    ROLE_REORDER("role.reorder"),
    ROLE_ASSIGN("role.assign"),
    ROLE_UNASSIGN("role.unassign"),
    ROLE_DEFAULT_JOIN_UPDATE("role.default_join.update"),
    CHANNEL_PERMISSION_OVERRIDE_UPDATE("channel.permission_override.update"),
    MESSAGE_EDIT_MODERATION("message.edit.moderation"),
    MESSAGE_DELETE_MODERATION("message.delete.moderation"),
    ATTACHMENT_DELETE_MODERATION("attachment.delete.moderation"),
    MEDIA_TOKEN_ISSUE("media.token.issue");

    private final String wire;

    AuditAction(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The list field {@code ip_ban_match}: true for the two actions that record an IP-ban hit (SPEC 7.2). */
    public boolean ipBanMatch() {
        return this == DIRECTORY_JOIN_REJECTED_IP_BAN || this == MODERATION_IP_BAN_HIT;
    }

    /** The audit row for one changed aspect of a role PATCH (SPEC 5.9). */
    public static AuditAction forRoleChange(RolePatch.Aspect aspect) {
        return switch (aspect) {
            case NAME -> ROLE_UPDATE;
            case PERMISSIONS -> ROLE_PERMISSIONS_UPDATE;
            case COLOR -> ROLE_COLOR_UPDATE;
        };
    }

    /** The one {@link AuditDetails} shape rows of this action carry. */
    public Class<? extends AuditDetails> detailsType() {
        return switch (this) {
            case DIRECTORY_JOIN_ACCEPTED, DIRECTORY_JOIN_REJECTED_VISIBILITY, DIRECTORY_JOIN_REJECTED_USER_BAN,
                 DIRECTORY_JOIN_REJECTED_IP_BAN -> AuditDetails.JoinAttempt.class;
            case MODERATION_IP_BAN_HIT -> AuditDetails.IpBanHit.class;
            case MODERATION_IP_BAN_ADD -> AuditDetails.IpBansAdded.class;
            case MODERATION_IP_BAN_REMOVE -> AuditDetails.IpBanRemoved.class;
            case MEMBER_KICK, MEMBER_UNBAN -> AuditDetails.None.class;
            case MEMBER_BAN -> AuditDetails.MemberBanned.class;
            case MEMBER_ROLE_UPDATE -> AuditDetails.MemberRoleChanged.class;
            case ROLE_CREATE -> AuditDetails.RoleCreated.class;
            case ROLE_UPDATE -> AuditDetails.RoleRenamed.class;
            case ROLE_PERMISSIONS_UPDATE -> AuditDetails.RolePermissionsChanged.class;
            case ROLE_COLOR_UPDATE -> AuditDetails.RoleColorChanged.class;
            case ROLE_DELETE, ROLE_ASSIGN, ROLE_UNASSIGN -> AuditDetails.RoleRef.class;
            case ROLE_REORDER -> AuditDetails.RolesReordered.class;
            case ROLE_DEFAULT_JOIN_UPDATE -> AuditDetails.DefaultJoinRoleChanged.class;
            case CHANNEL_PERMISSION_OVERRIDE_UPDATE -> AuditDetails.ChannelOverrideUpdated.class;
            case MESSAGE_EDIT_MODERATION, MESSAGE_DELETE_MODERATION -> AuditDetails.MessageModerated.class;
            case ATTACHMENT_DELETE_MODERATION -> AuditDetails.AttachmentModerated.class;
            case MEDIA_TOKEN_ISSUE -> AuditDetails.MediaTokenIssued.class;
        };
    }

    public static Optional<AuditAction> fromWire(String value) {
        for (AuditAction a : values()) {
            if (a.wire.equals(value)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
