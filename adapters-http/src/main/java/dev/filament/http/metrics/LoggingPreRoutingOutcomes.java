package dev.filament.http.metrics;

import dev.filament.http.connection.PreRoutingOutcomes;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server answered or refused before routing, in the same access log and request histogram as routed
 * requests (route {@code unmatched}), plus {@code filament_connections_rejected_total{reason}} (SPEC 14).
 */
public final class LoggingPreRoutingOutcomes implements PreRoutingOutcomes {
    private static final Logger ACCESS = LoggerFactory.getLogger("filament.http.access");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    static final String UNMATCHED = "unmatched";

    private final HttpMetrics metrics;

    public LoggingPreRoutingOutcomes(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void answered(String method, int status) {
        // a client-chosen method never becomes a label or an unbounded log value
        String m = method != null && METHODS.contains(method) ? method : "OTHER";
        metrics.recordRequest(m, UNMATCHED, status, 0);
        ACCESS.atInfo().addKeyValue("event", "http.access").addKeyValue("method", m)
                .addKeyValue("route", UNMATCHED).addKeyValue("status", status).addKeyValue("duration_ms", 0)
                .addKeyValue("client_ip_source", "peer").log("{} {} {}", m, UNMATCHED, status);
    }

    @Override
    public void connectionRejected(String reason) {
        metrics.connectionRejected(reason);
    }
}
