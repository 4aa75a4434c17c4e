package dev.filament.postgres;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Classifies database failures by SQLSTATE and JDBC exception type, looking through wrappers (jOOQ's
 * DataAccessException, Hikari). Used by {@link JooqUnitOfWork} to translate once and by the adapters that log or
 * count a failure.
 */
public final class SqlErrors {

    /** What went wrong, as far as the caller needs to know. */
    public enum Kind {
        /** 40001 / 40P01: safe to re-run the whole transaction. */
        SERIALIZATION_FAILURE("serialization_failure"),
        DEADLOCK("deadlock"),
        /** No pooled connection within the acquire timeout (HikariCP). */
        ACQUIRE_TIMEOUT("acquire_timeout"),
        /** 57014: statement_timeout or a client cancel. */
        STATEMENT_TIMEOUT("statement_timeout"),
        /** 55P03: lock_timeout / NOWAIT. */
        LOCK_TIMEOUT("lock_timeout"),
        /** Class 08, a closed connection, or the server shutting down (57P01..57P03). */
        CONNECTION("connection"),
        /** Anything else: a bug or a constraint the caller did not expect (500). */
        OTHER("other");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The {@code kind} used in UnavailableException, logs and metrics. */
        public String label() {
            return label;
        }

        public boolean retryable() {
            return this == SERIALIZATION_FAILURE || this == DEADLOCK;
        }

        public boolean unavailable() {
            return this != OTHER;
        }
    }

    private SqlErrors() {
    }

    public static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                // Hikari's acquire timeout; it carries the SQLSTATE of the last connect failure, so check it first
                return Kind.ACQUIRE_TIMEOUT;
            }
        }
        Optional<SQLException> sql = sqlException(failure);
        if (sql.isEmpty()) {
            return Kind.OTHER;
        }
        String state = sql.get().getSQLState();
        if (state == null) {
            return isConnectionType(sql.get()) ? Kind.CONNECTION : Kind.OTHER;
        }
        return switch (state) {
            case "40001" -> Kind.SERIALIZATION_FAILURE;
            case "40P01" -> Kind.DEADLOCK;
            case "57014" -> Kind.STATEMENT_TIMEOUT;
            case "55P03" -> Kind.LOCK_TIMEOUT;
            case "57P01", "57P02", "57P03" -> Kind.CONNECTION;
            default -> state.startsWith("08") || isConnectionType(sql.get()) ? Kind.CONNECTION : Kind.OTHER;
        };
    }

    /** The innermost SQLException in the cause chain (the driver's own), if any. */
    /** Whether {@code failure} is a unique-constraint violation (SQLSTATE 23505), looking through wrappers. */
    public static boolean isUniqueViolation(Throwable failure) {
        return sqlException(failure).map(e -> "23505".equals(e.getSQLState())).orElse(false);
    }

    private static Optional<SQLException> sqlException(Throwable failure) {
        SQLException found = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    private static boolean isConnectionType(SQLException e) {
        return e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException;
    }
}
