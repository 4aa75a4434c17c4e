package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import java.util.List;

/** Test data: for any audit action, details of its shape, with a null value wherever the shape allows one. */
public final class AuditSamples {
    private AuditSamples() {
    }

    public static AuditDetails detailsOf(AuditAction action) {
        return switch (action) {
            case DIRECTORY_JOIN_ACCEPTED, DIRECTORY_JOIN_REJECTED_VISIBILITY, DIRECTORY_JOIN_REJECTED_USER_BAN,
                 DIRECTORY_JOIN_REJECTED_IP_BAN -> new AuditDetails.JoinAttempt("accepted", "peer");
            case MODERATION_IP_BAN_HIT -> new AuditDetails.IpBanHit("messages.list", "peer");
            case MODERATION_IP_BAN_ADD -> new AuditDetails.IpBansAdded(1, List.of("B1"), null);
            case MODERATION_IP_BAN_REMOVE -> new AuditDetails.IpBanRemoved("B1");
            case MEMBER_KICK, MEMBER_UNBAN -> new AuditDetails.None();
            case MEMBER_BAN -> new AuditDetails.MemberBanned(true);
            case MEMBER_ROLE_UPDATE -> new AuditDetails.MemberRoleChanged("member", "moderator");
            case ROLE_CREATE -> new AuditDetails.RoleCreated("R1", "role", 5, List.of("create_message"), null);
            case ROLE_UPDATE -> new AuditDetails.RoleRenamed("R1", "role");
            case ROLE_PERMISSIONS_UPDATE -> new AuditDetails.RolePermissionsChanged("R1", List.of());
            case ROLE_COLOR_UPDATE -> new AuditDetails.RoleColorChanged("R1", null);
            case ROLE_DELETE, ROLE_ASSIGN, ROLE_UNASSIGN -> new AuditDetails.RoleRef("R1");
            case ROLE_REORDER -> new AuditDetails.RolesReordered(List.of("R2", "R1"));
            case ROLE_DEFAULT_JOIN_UPDATE -> new AuditDetails.DefaultJoinRoleChanged(null);
            case CHANNEL_PERMISSION_OVERRIDE_UPDATE -> new AuditDetails.ChannelOverrideUpdated("C1", "role", "R1",
                    List.of(), List.of("create_message"));
            case MESSAGE_EDIT_MODERATION, MESSAGE_DELETE_MODERATION -> new AuditDetails.MessageModerated("C1", "M1");
            case ATTACHMENT_DELETE_MODERATION -> new AuditDetails.AttachmentModerated("C1", "A1", null);
            case MEDIA_TOKEN_ISSUE -> new AuditDetails.MediaTokenIssued("C1", "203.0.113.7", "peer", true, false,
                    List.of("microphone"));
        };
    }
}
