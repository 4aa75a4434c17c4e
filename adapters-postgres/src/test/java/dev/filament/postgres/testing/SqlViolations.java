package dev.filament.postgres.testing;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Test helper: which constraint a database failure violated, looking through wrappers (jOOQ, Hikari). */
public final class SqlViolations {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CHECK_VIOLATION = "23514";

    private SqlViolations() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return sqlState(failure).filter(UNIQUE_VIOLATION::equals).isPresent();
    }

    /** True for a unique violation of exactly this constraint or unique index (e.g. {@code users_username_lower_uq}). */
    public static boolean isUniqueViolation(Throwable failure, String constraint) {
        return isUniqueViolation(failure) && constraint(failure).filter(constraint::equals).isPresent();
    }

    public static boolean isCheckViolation(Throwable failure) {
        return sqlState(failure).filter(CHECK_VIOLATION::equals).isPresent();
    }

    /** The violated constraint's name as the server reported it. */
    public static Optional<String> constraint(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p) {
                ServerErrorMessage m = p.getServerErrorMessage();
                if (m != null && m.getConstraint() != null) {
                    return Optional.of(m.getConstraint());
                }
            }
        }
        return Optional.empty();
    }

    /** The SQLSTATE of the innermost SQLException that has one. */
    private static Optional<String> sqlState(Throwable failure) {
        String state = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getSQLState() != null) {
                state = e.getSQLState();
            }
        }
        return Optional.ofNullable(state);
    }
}
