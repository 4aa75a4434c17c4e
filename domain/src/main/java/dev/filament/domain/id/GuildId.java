package dev.filament.domain.id;

/** Identifier of a guild (ULID, upper case). */
public record GuildId(String value) implements Comparable<GuildId> {
    public GuildId {
        value = Ulid.require(value, "guildId");
    }

    public static GuildId of(String value) {
        return new GuildId(value);
    }

    @Override
    public int compareTo(GuildId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
