package dev.filament.bench;

import java.util.Map;
import org.HdrHistogram.AbstractHistogram;

/**
 * What one measured run produced: target and achieved rate (successes per second), the latency histogram of the
 * successes in microseconds, and every non-success outcome by label.
 */
record RunResult(String name, double targetRate, double achievedRate, AbstractHistogram latencyMicros,
                 Map<String, Long> errors, long successes) {

    RunResult {
        errors = Map.copyOf(errors);
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Latency at {@code percentile} (0..100) in milliseconds; NaN when nothing succeeded. */
    double millisAt(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN
                : latencyMicros.getValueAtPercentile(percentile) / 1_000.0;
    }

    double maxMillis() {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1_000.0;
    }
}
