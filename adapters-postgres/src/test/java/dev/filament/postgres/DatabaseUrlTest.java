package dev.filament.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            postgres://filament:s3cret@db.example:5433/filament?sslmode=require | jdbc:postgresql://db.example:5433/filament?sslmode=require | filament | s3cret
            postgresql://app:pw@localhost/app                                 | jdbc:postgresql://localhost/app                            | app      | pw
            postgres://u:p%40ss%3Aw+rd@h:5432/db                              | jdbc:postgresql://h:5432/db                                | u        | p@ss:w+rd
            postgres://u@[::1]:5432/db                                        | jdbc:postgresql://[::1]:5432/db                            | u        | ''
            postgres://h/db                                                   | jdbc:postgresql://h/db                                     | ''       | ''
            postgres://h/db?user=u&password=p&application_name=x              | jdbc:postgresql://h/db?application_name=x                  | u        | p
            '  postgres://u:p@h/db  '                                         | jdbc:postgresql://h/db                                     | u        | p
            jdbc:postgresql://h:5432/db                                       | jdbc:postgresql://h:5432/db                                | ''       | ''
            jdbc:postgresql://h:5432/db?user=u&password=p&sslmode=disable     | jdbc:postgresql://h:5432/db?sslmode=disable                | u        | p
            JDBC:postgresql://h/db?password=only                              | jdbc:postgresql://h/db                                     | ''       | only
            """)
    void validUrls_parseIntoJdbcUrlAndCredentials(String url, String jdbcUrl, String user, String password) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);

        assertThat(parsed.jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(parsed.user()).isEqualTo(user);
        assertThat(parsed.password()).isEqualTo(password);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
            "", "   ", "mysql://u:hunter2@h/db", "http://h/db", "jdbc:mysql://h/db", "postgres://",
            "postgres://u:hunter2@h", "postgres://u:hunter2@h/", "postgres://u:hunter2@h:port/db",
            "postgres://u:hunter2@h/db/extra", "postgres://u:hunter2@h:99999/db", "postgres://u:hun ter2@h/db"})
    void invalidUrls_areRejectedNamingTheVariableWithoutEchoingSecrets(String url) {
        assertThatThrownBy(() -> DatabaseUrl.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FILAMENT_DATABASE_URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres://u:hunter2@h/db", "jdbc:postgresql://h/db?password=hunter2"})
    void toString_neverShowsThePassword(String url) {
        assertThat(DatabaseUrl.parse(url).toString()).doesNotContain("hunter2");
    }
}
