package dev.filament.domain.id;

/** Identifier of a role (ULID, upper case). */
public record RoleId(String value) implements Comparable<RoleId> {
    public RoleId {
        value = Ulid.require(value, "roleId");
    }

    public static RoleId of(String value) {
        return new RoleId(value);
    }

    @Override
    public int compareTo(RoleId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
