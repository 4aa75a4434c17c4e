package dev.filament.domain.gateway;

/** Why subscriptions were revoked; the wire value of {@code unsubscribed.reason} (SPEC 9.5, 9.10). */
public enum UnsubscribeReason {
    KICK("kick"),
    BAN("ban"),
    PERMISSION("permission");

    private final String wire;

    UnsubscribeReason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
