package dev.filament.domain.guild.role;

import java.util.Optional;

/** The coarse role reported as {@code role} (SPEC 5.3), ranked owner 3 > moderator 2 > member 1. */
public enum LegacyRole {
    OWNER("owner", 3, SystemRoleKey.WORKSPACE_OWNER),
    MODERATOR("moderator", 2, SystemRoleKey.MODERATOR),
    MEMBER("member", 1, SystemRoleKey.MEMBER);

    private final String wire;
    private final int rank;
    private final SystemRoleKey seededRole;

    LegacyRole(String wire, int rank, SystemRoleKey seededRole) {
        this.wire = wire;
        this.rank = rank;
        this.seededRole = seededRole;
    }

    public String wire() {
        return wire;
    }

    public int rank() {
        return rank;
    }

    /** The seeded role this name selects in the override alias route (SPEC 5.8). */
    public SystemRoleKey seededRole() {
        return seededRole;
    }

    /** True when this rank is strictly higher than {@code other}'s. */
    public boolean outranks(LegacyRole other) {
        return rank > other.rank;
    }

    public static Optional<LegacyRole> fromWire(String value) {
        for (LegacyRole r : values()) {
            if (r.wire.equals(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
