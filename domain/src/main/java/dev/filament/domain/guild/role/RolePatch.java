package dev.filament.domain.guild.role;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.permission.PermissionSet;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Value: the body of a role PATCH (SPEC 5.9); at least one key must be present (400). */
public record RolePatch(Optional<RoleName> name, Optional<PermissionSet> permissions, ColorChange color) {

    /** One aspect of a role that a PATCH changed; each changed aspect gets its own audit row. */
    public enum Aspect { NAME, PERMISSIONS, COLOR }

    /** The role after the PATCH and the aspects whose value actually changed. */
    public record Result(Role role, Set<Aspect> changed) {
        public Result {
            changed = Set.copyOf(changed);
        }
    }

    public RolePatch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(color, "color");
        if (name.isEmpty() && permissions.isEmpty() && color instanceof ColorChange.Keep) {
            throw new InvalidRequestException("at least one of name, permissions, color_hex is required");
        }
    }

    /** Applies the PATCH; renaming an {@code is_system} role is a 400 (see {@link Role#renamed}). */
    public Result applyTo(Role role) {
        Role updated = role;
        Set<Aspect> changed = EnumSet.noneOf(Aspect.class);
        if (name.isPresent()) {
            updated = updated.renamed(name.get());
            if (!updated.name().equals(role.name())) {
                changed.add(Aspect.NAME);
            }
        }
        if (permissions.isPresent() && !permissions.get().equals(role.permissions())) {
            updated = updated.withPermissions(permissions.get());
            changed.add(Aspect.PERMISSIONS);
        }
        Optional<ColorHex> newColor = color.applyTo(role.colorHex());
        if (!newColor.equals(role.colorHex())) {
            updated = updated.withColor(newColor);
            changed.add(Aspect.COLOR);
        }
        return new Result(updated, changed);
    }
}
