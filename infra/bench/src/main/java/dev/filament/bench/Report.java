package dev.filament.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes the results as Markdown: one table per scenario, its baseline first, every other row with the ratio of its
 * p50 / p99 / p99.9 to the baseline's, so the numbers stay comparable across machines.
 */
final class Report {
    private final StringBuilder md = new StringBuilder();

    /** A table: {@code baseline} then {@code runs}, with an intro paragraph and optional notes below. */
    void section(String title, String intro, RunResult baseline, List<RunResult> runs, List<String> notes) {
        md.append("## ").append(title).append("\n\n").append(intro).append("\n\n");
        md.append("| Run | Target /s | Achieved /s | p50 ms | p99 ms | p99.9 ms | max ms | OK | Errors | "
                + "vs baseline (p50 / p99 / p99.9) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        row(baseline, "baseline");
        for (RunResult run : runs) {
            row(run, ratio(run, baseline, 50) + " / " + ratio(run, baseline, 99) + " / "
                    + ratio(run, baseline, 99.9));
        }
        md.append('\n');
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        if (!notes.isEmpty()) {
            md.append('\n');
        }
    }

    /** A free-form table (closed-loop and memory scenarios), with an intro paragraph and notes below. */
    void table(String title, String intro, List<String> header, List<List<String>> rows, List<String> notes) {
        md.append("## ").append(title).append("\n\n").append(intro).append("\n\n");
        md.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> md.append("---|"));
        md.append('\n');
        rows.forEach(r -> md.append("| ").append(String.join(" | ", r)).append(" |\n"));
        md.append('\n');
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        if (!notes.isEmpty()) {
            md.append('\n');
        }
    }

    /** A scenario that could not run, with the reason, so the report never silently omits it. */
    void failed(String title, String reason) {
        md.append("## ").append(title).append("\n\n**Not measured:** ").append(reason.replace('\n', ' '))
                .append("\n\n");
    }

    void write(Path file) throws IOException {
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    }

    private void row(RunResult r, String versus) {
        md.append("| ").append(r.name()).append(" | ").append(rate(r.targetRate())).append(" | ")
                .append(rate(r.achievedRate())).append(" | ").append(ms(r.millisAt(50))).append(" | ")
                .append(ms(r.millisAt(99))).append(" | ").append(ms(r.millisAt(99.9))).append(" | ")
                .append(ms(r.maxMillis())).append(" | ").append(r.successes()).append(" | ").append(errors(r))
                .append(" | ").append(versus).append(" |\n");
    }

    private static String ratio(RunResult run, RunResult baseline, double percentile) {
        double a = run.millisAt(percentile);
        double b = baseline.millisAt(percentile);
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "n/a" : String.format(Locale.ROOT, "×%.1f", a / b);
    }

    private static String errors(RunResult r) {
        if (r.errors().isEmpty()) {
            return "0";
        }
        return r.errorCount() + " (" + r.errors().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String rate(double v) {
        return Double.isNaN(v) ? "max" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }
}
