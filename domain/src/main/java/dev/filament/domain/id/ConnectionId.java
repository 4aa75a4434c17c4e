package dev.filament.domain.id;

/** Identifier of a connection (ULID, upper case). */
public record ConnectionId(String value) implements Comparable<ConnectionId> {
    public ConnectionId {
        value = Ulid.require(value, "connectionId");
    }

    public static ConnectionId of(String value) {
        return new ConnectionId(value);
    }

    @Override
    public int compareTo(ConnectionId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
