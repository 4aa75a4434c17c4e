package dev.filament.http.gateway;

import dev.filament.domain.gateway.CloseReason;

/** An inbound message the gateway refuses: the connection closes with {@link #reason()} (SPEC 9.2, 9.4). */
final class ProtocolViolation extends RuntimeException {
    private final CloseReason reason;

    ProtocolViolation(CloseReason reason) {
        super(reason.reason(), null, false, false);
        this.reason = reason;
    }

    CloseReason reason() {
        return reason;
    }
}
