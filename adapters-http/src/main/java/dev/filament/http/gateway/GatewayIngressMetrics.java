package dev.filament.http.gateway;

import dev.filament.domain.gateway.CloseReason;
import dev.filament.http.metrics.HttpMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The inbound-side gateway meters of SPEC 14.2 that the realtime core does not own:
 * {@code filament_gateway_events_parse_rejected_total{reason}}, {@code filament_gateway_events_unknown_received_total}
 * and the {@code gateway_ingress} limiter hits. Labels are close reasons only; client text never becomes a label.
 */
public final class GatewayIngressMetrics {
    private final MeterRegistry registry;
    private final HttpMetrics http;
    private final Counter unknown;

    public GatewayIngressMetrics(MeterRegistry registry, HttpMetrics http) {
        this.registry = registry;
        this.http = http;
        this.unknown = Counter.builder("filament.gateway.events.unknown_received").register(registry);
    }

    /** A message refused by the protocol rules; {@code unknown_event} also counts as an unknown event received. */
    void rejected(CloseReason reason) {
        Counter.builder("filament.gateway.events.parse_rejected").tag("reason", reason.reason()).register(registry)
                .increment();
        if (reason == CloseReason.UNKNOWN_EVENT) {
            unknown.increment();
        }
    }

    void ingressLimited() {
        http.rateLimitHit("gateway_ingress");
    }
}
