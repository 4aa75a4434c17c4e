package dev.filament.domain.id;

/** Identifier of a audit (ULID, upper case). */
public record AuditId(String value) implements Comparable<AuditId> {
    public AuditId {
        value = Ulid.require(value, "auditId");
    }

    public static AuditId of(String value) {
        return new AuditId(value);
    }

    @Override
    public int compareTo(AuditId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
