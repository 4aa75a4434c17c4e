package dev.filament.domain.id;

/** Identifier of a IP ban (ULID, upper case). */
public record IpBanId(String value) implements Comparable<IpBanId> {
    public IpBanId {
        value = Ulid.require(value, "ipBanId");
    }

    public static IpBanId of(String value) {
        return new IpBanId(value);
    }

    @Override
    public int compareTo(IpBanId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
