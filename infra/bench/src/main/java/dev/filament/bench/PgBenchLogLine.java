package dev.filament.bench;

import java.util.Optional;

/**
 * One line of pgbench's per-transaction log ({@code -l}): {@code client_id transaction_no time script_no time_epoch
 * time_us [schedule_lag] ...}. pgbench measures {@code time} from the transaction's scheduled start, so under
 * {@code --rate} it already includes the schedule lag (open model); it is {@code skipped} or {@code failed} for
 * transactions that did not complete.
 */
record PgBenchLogLine(String outcome, long latencyMicros) {

    boolean ok() {
        return "ok".equals(outcome);
    }

    static Optional<PgBenchLogLine> parse(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 6) {
            return Optional.empty();
        }
        if (!f[2].chars().allMatch(Character::isDigit)) {
            return Optional.of(new PgBenchLogLine(f[2], 0));
        }
        return Optional.of(new PgBenchLogLine("ok", Long.parseLong(f[2])));
    }
}
