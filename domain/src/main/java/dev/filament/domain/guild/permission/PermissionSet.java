package dev.filament.domain.guild.permission;

import dev.filament.domain.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Value: a set of permissions as the mask of SPEC 5.1 (bit i = permission i; only bits 0..11 exist, so 0..4095).
 * Wire lists are in ascending bit order without duplicates (SPEC 1.6).
 */
public record PermissionSet(long mask) {
    public static final long MAX_MASK = 4095;
    public static final PermissionSet NONE = new PermissionSet(0);
    public static final PermissionSet ALL = new PermissionSet(MAX_MASK);

    public PermissionSet {
        if (mask < 0 || mask > MAX_MASK) {
            throw new IllegalArgumentException("mask must be within 0..4095, was " + mask);
        }
    }

    public static PermissionSet of(Permission... permissions) {
        long m = 0;
        for (Permission p : permissions) {
            m |= p.mask();
        }
        return new PermissionSet(m);
    }

    public static PermissionSet of(Collection<Permission> permissions) {
        return of(permissions.toArray(Permission[]::new));
    }

    /**
     * Parses a wire list; duplicates collapse. An unknown name is a 400 here: the HTTP adapter should reject it as
     * a schema mismatch (422) before this is reached.
     */
    public static PermissionSet fromWire(List<String> names) {
        if (names == null) {
            throw new InvalidRequestException("permissions are required");
        }
        long m = 0;
        for (String name : names) {
            Permission p = Permission.fromWire(name)
                    .orElseThrow(() -> new InvalidRequestException("permissions: unknown permission " + name));
            m |= p.mask();
        }
        return new PermissionSet(m);
    }

    /** Wire names in ascending bit order, each once. */
    public List<String> toWireList() {
        List<String> out = new ArrayList<>();
        for (Permission p : Permission.values()) {
            if (contains(p)) {
                out.add(p.wire());
            }
        }
        return List.copyOf(out);
    }

    public Set<Permission> toSet() {
        EnumSet<Permission> out = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    public boolean contains(Permission permission) {
        return (mask & permission.mask()) != 0;
    }

    public boolean isEmpty() {
        return mask == 0;
    }

    public PermissionSet union(PermissionSet other) {
        return new PermissionSet(mask | other.mask);
    }

    public PermissionSet intersect(PermissionSet other) {
        return new PermissionSet(mask & other.mask);
    }

    /** This set without the permissions of {@code other} ({@code this & ~other}). */
    public PermissionSet minus(PermissionSet other) {
        return new PermissionSet(mask & ~other.mask);
    }

    /** True when every permission of this set is also in {@code other}. */
    public boolean isWithin(PermissionSet other) {
        return (mask & ~other.mask) == 0;
    }

    @Override
    public String toString() {
        return "PermissionSet" + toWireList();
    }
}
