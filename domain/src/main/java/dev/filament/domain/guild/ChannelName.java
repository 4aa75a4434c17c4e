package dev.filament.domain.guild;

/** Value: a channel name, 1..64 ASCII printable characters with at least one non-space, kept as given (SPEC 5.6). */
public record ChannelName(String value) {
    public ChannelName {
        value = AsciiName.require(value, "name");
    }

    public static ChannelName of(String raw) {
        return new ChannelName(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
