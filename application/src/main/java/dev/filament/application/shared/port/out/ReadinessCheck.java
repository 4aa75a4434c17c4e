package dev.filament.application.shared.port.out;

import java.util.Map;

/** Out-port: one readiness check of SPEC 14.4. Must answer within its own bound; may be called concurrently. */
public interface ReadinessCheck {

    /** The key under {@code checks}, e.g. {@code database}. */
    String name();

    /** Runs the check; a check that cannot run reports degraded rather than throwing. */
    Result check();

    /** {@code fields} are the body fields besides {@code status}, in order. */
    record Result(boolean ok, Map<String, Object> fields) {
        public Result {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }
    }
}
