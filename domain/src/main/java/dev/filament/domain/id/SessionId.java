package dev.filament.domain.id;

/** Identifier of a session (ULID, upper case). */
public record SessionId(String value) implements Comparable<SessionId> {
    public SessionId {
        value = Ulid.require(value, "sessionId");
    }

    public static SessionId of(String value) {
        return new SessionId(value);
    }

    @Override
    public int compareTo(SessionId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
