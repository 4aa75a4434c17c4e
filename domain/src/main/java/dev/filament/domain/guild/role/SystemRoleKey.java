package dev.filament.domain.guild.role;

import java.util.Optional;

/** The {@code system_key} of the four seeded roles every guild has (SPEC 5.2). */
public enum SystemRoleKey {
    EVERYONE("everyone"),
    MEMBER("member"),
    MODERATOR("moderator"),
    WORKSPACE_OWNER("workspace_owner");

    private final String wire;

    SystemRoleKey(String wire) {
        this.wire = wire;
    }

    /** The stored and wire form, e.g. {@code workspace_owner}. */
    public String wire() {
        return wire;
    }

    public static Optional<SystemRoleKey> fromWire(String value) {
        for (SystemRoleKey k : values()) {
            if (k.wire.equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
