package dev.filament.domain.guild;

import java.util.Optional;

/** Whether a guild is listed in the directory and joinable there (SPEC 1.6, 5.7); new guilds are private. */
public enum Visibility {
    PRIVATE("private"),
    PUBLIC("public");

    public static final Visibility DEFAULT = PRIVATE;

    private final String wire;

    Visibility(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Visibility> fromWire(String value) {
        for (Visibility v : values()) {
            if (v.wire.equals(value)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
