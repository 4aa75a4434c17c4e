package dev.filament.postgres.search;

import dev.filament.domain.error.UnavailableException;
import dev.filament.postgres.SqlErrors;

/**
 * Translates a database failure of a read that may run outside a unit of work: timeouts, pool exhaustion and lost
 * connections become {@link UnavailableException} (SPEC 2.2); serialization failures and deadlocks pass unchanged
 * so an enclosing unit of work can still retry them (SPEC 1.11 W4); anything else is a bug and passes unchanged.
 */
final class DatabaseFailures {
    private DatabaseFailures() {
    }

    static RuntimeException translate(RuntimeException failure) {
        SqlErrors.Kind kind = SqlErrors.classify(failure);
        if (kind.unavailable() && !kind.retryable()) {
            return UnavailableException.dependency(kind.label());
        }
        return failure;
    }
}
