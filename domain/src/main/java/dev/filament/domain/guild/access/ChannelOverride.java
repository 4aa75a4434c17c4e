package dev.filament.domain.guild.access;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.Ulid;
import dev.filament.domain.id.UserId;
import java.util.Objects;

/**
 * Value: one channel permission override row (SPEC 5.8, 12). A permission may not be both allowed and denied (400).
 * Both lists empty means "no row"; see {@link #isEmpty()}.
 */
public record ChannelOverride(OverrideTargetKind targetKind, String targetId, PermissionSet allow,
                              PermissionSet deny) {

    public ChannelOverride {
        Objects.requireNonNull(targetKind, "targetKind");
        targetId = Ulid.require(targetId, "targetId");
        Objects.requireNonNull(allow, "allow");
        Objects.requireNonNull(deny, "deny");
        if (!allow.intersect(deny).isEmpty()) {
            throw new InvalidRequestException("allow and deny share " + allow.intersect(deny).toWireList());
        }
    }

    public static ChannelOverride forRole(RoleId role, PermissionSet allow, PermissionSet deny) {
        return new ChannelOverride(OverrideTargetKind.ROLE, role.value(), allow, deny);
    }

    public static ChannelOverride forMember(UserId user, PermissionSet allow, PermissionSet deny) {
        return new ChannelOverride(OverrideTargetKind.MEMBER, user.value(), allow, deny);
    }

    public boolean targets(RoleId role) {
        return targetKind == OverrideTargetKind.ROLE && targetId.equals(role.value());
    }

    public boolean targets(UserId user) {
        return targetKind == OverrideTargetKind.MEMBER && targetId.equals(user.value());
    }

    /** An upsert with both lists empty deletes the row instead (SPEC 5.8). */
    public boolean isEmpty() {
        return allow.isEmpty() && deny.isEmpty();
    }
}
