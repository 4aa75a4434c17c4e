package dev.filament.domain.guild;

import java.util.Optional;

/** The kind of a channel (SPEC 1.6, 5.8); new channels are text channels. */
public enum ChannelKind {
    TEXT("text"),
    VOICE("voice");

    public static final ChannelKind DEFAULT = TEXT;

    private final String wire;

    ChannelKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ChannelKind> fromWire(String value) {
        for (ChannelKind k : values()) {
            if (k.wire.equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
