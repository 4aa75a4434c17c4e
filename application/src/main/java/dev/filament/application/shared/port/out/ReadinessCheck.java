package dev.filament.application.shared.port.out;

import java.util.Objects;

/** Out-port: one readiness check of SPEC 14.4. Must answer within its own bound; may be called concurrently. */
public interface ReadinessCheck {

    /** The key under {@code checks}, e.g. {@code database}. */
    String name();

    /** Runs the check; a check that cannot run reports degraded rather than throwing. */
    Result check();

    /** {@code details} are the check's body fields besides {@code status}, in component order. */
    record Result(boolean ok, Details details) {
        public Result {
            Objects.requireNonNull(details, "details");
        }
    }

    /**
     * The body fields of one check (SPEC 14.4) besides {@code status}, which the route writes first; one record per
     * check, written with snake_case names in component order.
     */
    sealed interface Details {
    }

    /** {@code database}: {@code {latency_ms, circuit: "open"|"closed"}}. */
    record DatabaseDetails(long latencyMs, String circuit) implements Details {
        public DatabaseDetails {
            Objects.requireNonNull(circuit, "circuit");
        }

        public static DatabaseDetails of(long latencyMs, boolean circuitOpen) {
            return new DatabaseDetails(latencyMs, circuitOpen ? "open" : "closed");
        }
    }

    /** {@code search_indexer}: {@code {backlog, oldest_age_seconds, heartbeat_age_ms}}; {@code -1} when unknown. */
    record SearchIndexerDetails(long backlog, long oldestAgeSeconds, long heartbeatAgeMs) implements Details {
    }

    /** {@code gateway}: {@code {connections, dispatch_queue_depth, heartbeat_age_ms}}; {@code -1} age when unknown. */
    record GatewayDetails(int connections, int dispatchQueueDepth, long heartbeatAgeMs) implements Details {
    }

    /** {@code blob_store}: {@code {kind: "local"|"s3", latency_ms}}. */
    record BlobStoreDetails(String kind, long latencyMs) implements Details {
        public BlobStoreDetails {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** {@code blob_gc}: {@code {backlog, oldest_overdue_seconds}}: due rows and how long the oldest is overdue. */
    record BlobGcDetails(long backlog, long oldestOverdueSeconds) implements Details {
    }

    /**
     * {@code redis} (SPEC 14.4, only with scale-out on): {@code {latency_ms, circuit, reader, relay_lag_ms}};
     * {@code -1} latency or lag when unknown.
     */
    record RedisDetails(long latencyMs, String circuit, String reader, long relayLagMs) implements Details {
        public RedisDetails {
            Objects.requireNonNull(circuit, "circuit");
            Objects.requireNonNull(reader, "reader");
        }
    }

    /** A check that did not answer: {@code {error: "timeout"|"failed"}}, always degraded. */
    record Unanswered(String error) implements Details {
        public static final Unanswered TIMEOUT = new Unanswered("timeout");
        public static final Unanswered FAILED = new Unanswered("failed");

        public Unanswered {
            Objects.requireNonNull(error, "error");
        }
    }
}
