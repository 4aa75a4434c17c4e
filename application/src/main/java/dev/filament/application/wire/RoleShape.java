package dev.filament.application.wire;

import dev.filament.domain.guild.role.ColorHex;
import dev.filament.domain.guild.role.Role;
import java.util.List;

/** {@code Role = {role_id, name, position, is_system, permissions: [perm], color_hex: "#RRGGBB"|null}} (SPEC 5.6). */
public record RoleShape(String roleId, String name, int position, boolean isSystem, List<String> permissions,
                        String colorHex) {
    public RoleShape {
        permissions = List.copyOf(permissions);
    }

    public static RoleShape of(Role r) {
        return new RoleShape(r.id().value(), r.name(), r.position(), r.isSystem(), r.permissions().toWireList(),
                r.colorHex().map(ColorHex::value).orElse(null));
    }
}
