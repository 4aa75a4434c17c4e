package dev.filament.micrometer;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;

/** Reads sample values back from the Prometheus exposition text, as a scraper would see them. */
final class PrometheusText {
    private PrometheusText() {
    }

    static double value(PrometheusMeterRegistry registry, String name, Map<String, String> tags) {
        double sum = 0;
        for (String line : registry.scrape().split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String metric = brace < 0 ? line.substring(0, space) : line.substring(0, brace);
            if (!metric.equals(name)) {
                continue;
            }
            String labels = brace < 0 ? "" : line.substring(brace, line.indexOf('}') + 1);
            if (tags.entrySet().stream().allMatch(t -> labels.contains(t.getKey() + "=\"" + t.getValue() + "\""))) {
                sum += Double.parseDouble(line.substring(space + 1));
            }
        }
        return sum;
    }
}
