package dev.filament.http.gateway;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The gateway binding's limits and timers (SPEC 9.3, 13): inbound message size, ingress window, heartbeat, session
 * re-check, command budget, socket write timeout and the Origin allowlist (empty = every origin allowed).
 */
public record GatewaySettings(
        int maxMessageBytes,
        int ingressEvents,
        Duration ingressWindow,
        Duration pingInterval,
        Duration pongTimeout,
        Duration sessionRecheck,
        Duration commandTimeout,
        Duration writeTimeout,
        Set<String> allowedOrigins) {

    public static final int MAX_MESSAGE_BYTES = 65_536;

    public GatewaySettings {
        positive(maxMessageBytes, "maxMessageBytes");
        positive(ingressEvents, "ingressEvents");
        for (Duration d : new Duration[] {ingressWindow, pingInterval, pongTimeout, sessionRecheck, commandTimeout,
                writeTimeout}) {
            positive(Objects.requireNonNull(d, "durations are required").toMillis(), "duration");
        }
        allowedOrigins = Set.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins"));
    }

    /** SPEC values: 64 KiB messages, 30 s pings, 60 s pong deadline, 30 s re-check, 10 s writes. */
    public static GatewaySettings of(Duration requestTimeout, int ingressEvents, Duration ingressWindow,
            Set<String> allowedOrigins) {
        return new GatewaySettings(MAX_MESSAGE_BYTES, ingressEvents, ingressWindow, Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(30), requestTimeout, Duration.ofSeconds(10), allowedOrigins);
    }

    public GatewaySettings withHeartbeat(Duration ping, Duration pong) {
        return new GatewaySettings(maxMessageBytes, ingressEvents, ingressWindow, ping, pong, sessionRecheck,
                commandTimeout, writeTimeout, allowedOrigins);
    }

    public GatewaySettings withSessionRecheck(Duration recheck) {
        return new GatewaySettings(maxMessageBytes, ingressEvents, ingressWindow, pingInterval, pongTimeout, recheck,
                commandTimeout, writeTimeout, allowedOrigins);
    }

    /** Whether a request with this {@code Origin} header (null when absent) may connect (SPEC 9.1). */
    public boolean allowsOrigin(String origin) {
        return origin == null || allowedOrigins.isEmpty() || allowedOrigins.contains(origin);
    }

    /** How often a connection's heartbeat looks at its pings and pongs: half the shorter of the two intervals. */
    Duration heartbeatTick() {
        Duration shorter = pingInterval.compareTo(pongTimeout) < 0 ? pingInterval : pongTimeout;
        return Duration.ofMillis(Math.max(1, shorter.toMillis() / 2));
    }

    private static void positive(long value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive");
        }
    }
}
