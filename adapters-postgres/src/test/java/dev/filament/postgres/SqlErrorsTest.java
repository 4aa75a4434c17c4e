package dev.filament.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlErrorsTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(wrapped(new SQLException("x", "40001")), SqlErrors.Kind.SERIALIZATION_FAILURE),
                Arguments.of(wrapped(new SQLException("x", "40P01")), SqlErrors.Kind.DEADLOCK),
                Arguments.of(wrapped(new SQLException("x", "57014")), SqlErrors.Kind.STATEMENT_TIMEOUT),
                Arguments.of(wrapped(new SQLException("x", "55P03")), SqlErrors.Kind.LOCK_TIMEOUT),
                Arguments.of(wrapped(new SQLException("x", "08006")), SqlErrors.Kind.CONNECTION),
                Arguments.of(wrapped(new SQLException("x", "57P01")), SqlErrors.Kind.CONNECTION),
                // Hikari reports the last connect failure's SQLSTATE (class 08) on its acquire timeout
                Arguments.of(wrapped(new SQLTransientConnectionException("filament - timed out", "08001",
                        new SQLException("refused", "08001"))), SqlErrors.Kind.ACQUIRE_TIMEOUT),
                Arguments.of(wrapped(new SQLException("x", "23505")), SqlErrors.Kind.OTHER),
                Arguments.of(wrapped(new SQLException("no state")), SqlErrors.Kind.OTHER),
                Arguments.of(new IllegalStateException("not sql"), SqlErrors.Kind.OTHER));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void classify_looksThroughWrappers(Throwable failure, SqlErrors.Kind expected) {
        assertThat(SqlErrors.classify(failure)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("failures")
    void onlySerializationFailuresAndDeadlocks_areRetryable(Throwable failure, SqlErrors.Kind kind) {
        assertThat(kind.retryable())
                .isEqualTo(kind == SqlErrors.Kind.SERIALIZATION_FAILURE || kind == SqlErrors.Kind.DEADLOCK);
        assertThat(kind.unavailable()).isEqualTo(kind != SqlErrors.Kind.OTHER);
    }

    private static RuntimeException wrapped(SQLException e) {
        return new DataAccessException("jOOQ wrapper", e);
    }
}
