package dev.filament.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostgresSettingsTest {
    private static final Duration S2 = Duration.ofSeconds(2);
    private static final Duration S5 = Duration.ofSeconds(5);
    private static final Duration S10 = Duration.ofSeconds(10);

    @Test
    void fromUrl_takesCredentialsOutOfTheUrl() {
        PostgresSettings s = PostgresSettings.fromUrl("postgres://app:pw@db:5432/filament", S2, S5, S2, S10);

        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/filament");
        assertThat(s.user()).isEqualTo("app");
        assertThat(s.password()).isEqualTo("pw");
        assertThat(s.statementTimeout()).isEqualTo(S5);
        assertThat(s.poolSize()).isEqualTo(10);
    }

    @Test
    void fromUrl_invalid_namesTheVariable() {
        assertThatThrownBy(() -> PostgresSettings.fromUrl("nope", S2, S5, S2, S10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FILAMENT_DATABASE_URL");
    }

    @Test
    void nonPositiveBound_isRejectedNamingTheField() {
        assertThatThrownBy(() -> new PostgresSettings("jdbc:postgresql://h/db", "", "", S2, Duration.ZERO, S2, S10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("statementTimeout");
        assertThatThrownBy(() -> new PostgresSettings("jdbc:postgresql://h/db", "", "", Duration.ofMillis(-1), S5,
                S2, S10)).hasMessageContaining("acquireTimeout");
    }

    @Test
    void boundNotBelowTheRequestTimeout_isRejectedNamingTheField() {
        assertThatThrownBy(() -> new PostgresSettings("jdbc:postgresql://h/db", "", "", S2, S5, S10, S10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lockTimeout");
    }

    @Test
    void nonPostgresJdbcUrl_isRejected() {
        assertThatThrownBy(() -> new PostgresSettings("jdbc:mysql://h/db", "", "", S2, S5, S2, S10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbcUrl");
    }

    @Test
    void toString_hidesThePassword() {
        PostgresSettings s = new PostgresSettings("jdbc:postgresql://h/db", "app", "hunter2", S2, S5, S2, S10);

        assertThat(s.toString()).contains("app").doesNotContain("hunter2");
    }
}
