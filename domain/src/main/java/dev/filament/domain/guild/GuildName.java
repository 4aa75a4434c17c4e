package dev.filament.domain.guild;

/** Value: a guild name, 1..64 ASCII printable characters with at least one non-space, kept as given (SPEC 5.6). */
public record GuildName(String value) {
    public GuildName {
        value = AsciiName.require(value, "name");
    }

    public static GuildName of(String raw) {
        return new GuildName(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
