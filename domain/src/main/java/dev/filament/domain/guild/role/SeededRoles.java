package dev.filament.domain.guild.role;

import static dev.filament.domain.guild.permission.Permission.CREATE_MESSAGE;
import static dev.filament.domain.guild.permission.Permission.MANAGE_ROLES;
import static dev.filament.domain.guild.permission.Permission.MANAGE_WORKSPACE_ROLES;
import static dev.filament.domain.guild.permission.Permission.SUBSCRIBE_STREAMS;

import dev.filament.domain.guild.permission.PermissionSet;
import java.util.List;

/** The table of SPEC 5.2: the four roles created with every guild, which can never be deleted. */
public final class SeededRoles {

    /** One row of the seeded-role table. */
    public record Definition(SystemRoleKey key, String name, boolean isSystem, int position,
                             PermissionSet permissions) {
    }

    public static final Definition EVERYONE = new Definition(
            SystemRoleKey.EVERYONE, "@everyone", true, 0, PermissionSet.of(CREATE_MESSAGE, SUBSCRIBE_STREAMS));
    public static final Definition MEMBER = new Definition(
            SystemRoleKey.MEMBER, "member", false, 1, PermissionSet.of(CREATE_MESSAGE, SUBSCRIBE_STREAMS));
    public static final Definition MODERATOR = new Definition(
            SystemRoleKey.MODERATOR, "moderator", false, 100,
            PermissionSet.ALL.minus(PermissionSet.of(MANAGE_ROLES, MANAGE_WORKSPACE_ROLES)));
    public static final Definition WORKSPACE_OWNER = new Definition(
            SystemRoleKey.WORKSPACE_OWNER, "workspace_owner", true, 10000, PermissionSet.ALL);

    /** All four, in the order of the SPEC table. */
    public static final List<Definition> ALL = List.of(EVERYONE, MEMBER, MODERATOR, WORKSPACE_OWNER);

    private SeededRoles() {
    }

    public static Definition of(SystemRoleKey key) {
        return switch (key) {
            case EVERYONE -> EVERYONE;
            case MEMBER -> MEMBER;
            case MODERATOR -> MODERATOR;
            case WORKSPACE_OWNER -> WORKSPACE_OWNER;
        };
    }
}
