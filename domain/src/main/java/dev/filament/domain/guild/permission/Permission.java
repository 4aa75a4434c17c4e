package dev.filament.domain.guild.permission;

import java.util.Optional;

/** One of the twelve permissions of SPEC 5.1; {@link #bit()} is its position in a role or override mask. */
public enum Permission {
    MANAGE_ROLES(0, "manage_roles"),
    MANAGE_MEMBER_ROLES(1, "manage_member_roles"),
    MANAGE_WORKSPACE_ROLES(2, "manage_workspace_roles"),
    MANAGE_CHANNEL_OVERRIDES(3, "manage_channel_overrides"),
    DELETE_MESSAGE(4, "delete_message"),
    BAN_MEMBER(5, "ban_member"),
    VIEW_AUDIT_LOG(6, "view_audit_log"),
    MANAGE_IP_BANS(7, "manage_ip_bans"),
    /** Also the read/visibility gate of a channel. */
    CREATE_MESSAGE(8, "create_message"),
    PUBLISH_VIDEO(9, "publish_video"),
    PUBLISH_SCREEN_SHARE(10, "publish_screen_share"),
    SUBSCRIBE_STREAMS(11, "subscribe_streams");

    private final int bit;
    private final String wire;

    Permission(int bit, String wire) {
        this.bit = bit;
        this.wire = wire;
    }

    public int bit() {
        return bit;
    }

    /** The single-bit mask of this permission. */
    public long mask() {
        return 1L << bit;
    }

    /** The wire name, e.g. {@code manage_roles}. */
    public String wire() {
        return wire;
    }

    /** The permission with this exact wire name (case-sensitive), else empty. */
    public static Optional<Permission> fromWire(String name) {
        for (Permission p : values()) {
            if (p.wire.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
