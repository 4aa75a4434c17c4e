package dev.filament.application.search.port.out;

import java.util.Objects;

/** What one call of {@link SearchIndexStore} did: nothing was due, a batch was applied, or a batch failed. */
public sealed interface BatchResult {

    /** Rows (or, for a rebuild step, messages) the batch covered; 0 when idle. */
    int rows();

    /** Nothing was due. */
    record Idle() implements BatchResult {
        @Override
        public int rows() {
            return 0;
        }
    }

    /** The batch committed. */
    record Indexed(int rows) implements BatchResult {
        public Indexed {
            if (rows < 0) {
                throw new IllegalArgumentException("rows must be >= 0");
            }
        }
    }

    /** The batch rolled back; its claimed rows (if the claim got that far) carry the failure and its backoff. */
    record Failed(int rows, RuntimeException cause) implements BatchResult {
        public Failed {
            Objects.requireNonNull(cause, "cause");
            if (rows < 0) {
                throw new IllegalArgumentException("rows must be >= 0");
            }
        }
    }

    static BatchResult idle() {
        return new Idle();
    }
}
