package dev.filament.domain.guild.access;

import java.util.Optional;

/** What a channel permission override targets (SPEC 5.8): a role of the guild or one user. */
public enum OverrideTargetKind {
    ROLE("role"),
    MEMBER("member");

    private final String wire;

    OverrideTargetKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<OverrideTargetKind> fromWire(String value) {
        for (OverrideTargetKind k : values()) {
            if (k.wire.equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
