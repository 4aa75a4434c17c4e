package dev.filament.domain.id;

/** Identifier of a channel (ULID, upper case). */
public record ChannelId(String value) implements Comparable<ChannelId> {
    public ChannelId {
        value = Ulid.require(value, "channelId");
    }

    public static ChannelId of(String value) {
        return new ChannelId(value);
    }

    @Override
    public int compareTo(ChannelId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
