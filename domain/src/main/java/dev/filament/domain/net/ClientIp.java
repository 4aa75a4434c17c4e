package dev.filament.domain.net;

/** The resolved client address and where it came from (SPEC 2.5). */
public record ClientIp(IpAddress address, Source source) {

    public ClientIp {
        if (address == null || source == null) {
            throw new IllegalArgumentException("address and source are required");
        }
    }

    /** Which input gave the client address; {@link #wireName()} is what logs and audit details carry. */
    public enum Source {
        PEER("peer"), FORWARDED("forwarded");

        private final String wireName;

        Source(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
