package dev.filament.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UsernameTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "A_b.9", "abcdefghijklmnopqrstuvwxyz012345", "..."})
    void acceptsThreeToThirtyTwoAllowedChars(String raw) {
        assertThat(Username.parse(raw)).get().extracting(Username::value).isEqualTo(raw);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ab", "abcdefghijklmnopqrstuvwxyz0123456", "with space", "dash-name", "émile", "tab\tx",
            "nul\0abc", "abc\n"})
    void rejectsOtherShapes(String raw) {
        assertThat(Username.parse(raw)).isEmpty();
        assertThatThrownBy(() -> new Username(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("username");
    }

    @Test
    void keepsCaseButComparesCanonicallyInLowerCase() {
        Username name = new Username("Alice.Smith");
        assertThat(name.value()).isEqualTo("Alice.Smith");
        assertThat(name.canonical()).isEqualTo("alice.smith");
        assertThat(new Username("ALICE.smith").canonical()).isEqualTo(name.canonical());
    }
}
