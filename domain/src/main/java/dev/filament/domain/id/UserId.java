package dev.filament.domain.id;

/** Identifier of a user (ULID, upper case). */
public record UserId(String value) implements Comparable<UserId> {
    public UserId {
        value = Ulid.require(value, "userId");
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public int compareTo(UserId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
