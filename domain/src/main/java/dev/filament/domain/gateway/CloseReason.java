package dev.filament.domain.gateway;

/** A gateway close code and its wire reason (SPEC 9.6); the reason is also the metric label of disconnects. */
public enum CloseReason {
    CLIENT_CLOSE(1000, "client_close"),
    SERVER_SHUTDOWN(1001, "server_shutdown"),
    SLOW_CONSUMER(1008, "slow_consumer"),
    INTERNAL_ERROR(1011, "internal_error"),
    SERVER_OVERLOADED(1013, "server_overloaded"),
    /** SPEC 17.3: remote events were lost on their way between nodes; not resumable. */
    RELAY_GAP(1013, "relay_gap"),
    HEARTBEAT_TIMEOUT(4000, "heartbeat_timeout"),
    INVALID_ENVELOPE(4400, "invalid_envelope"),
    INVALID_PAYLOAD(4400, "invalid_payload"),
    UNKNOWN_EVENT(4400, "unknown_event"),
    TOKEN_EXPIRED(4401, "token_expired"),
    SESSION_REVOKED(4401, "session_revoked"),
    INGRESS_RATE_LIMITED(4408, "ingress_rate_limited"),
    EVENT_TOO_LARGE(4413, "event_too_large"),
    /**
     * The "—" row of SPEC 9.6: the TCP connection was lost, the client closed with a code other than 1000, or a
     * resume took the session over while its old socket was still open. No close frame is sent (1006 never goes on
     * the wire); the session is detached (SPEC 9.11).
     */
    CONNECTION_LOST(1006, "connection_lost");

    private final int code;
    private final String reason;

    CloseReason(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    /** Every server-initiated close sends a close frame, except a heartbeat timeout: that peer is presumed gone. */
    public boolean sendsCloseFrame() {
        return this != HEARTBEAT_TIMEOUT && this != CONNECTION_LOST;
    }

    /** Whether the gateway session survives this close, detached for a later resume (the last column of SPEC 9.6). */
    public boolean resumable() {
        return this == HEARTBEAT_TIMEOUT || this == TOKEN_EXPIRED || this == CONNECTION_LOST;
    }
}
