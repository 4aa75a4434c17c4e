package dev.filament.domain.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UlidTest {

    @Test
    void normalisesToUpperCase() {
        assertThat(Ulid.parse("01arz3ndektsv4rrffq69g5fav")).contains("01ARZ3NDEKTSV4RRFFQ69G5FAV");
        assertThat(new UserId("01arz3ndektsv4rrffq69g5fav").value()).isEqualTo("01ARZ3NDEKTSV4RRFFQ69G5FAV");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "01ARZ3NDEKTSV4RRFFQ69G5FA", "01ARZ3NDEKTSV4RRFFQ69G5FAVX", "81ARZ3NDEKTSV4RRFFQ69G5FAV",
        "01ARZ3NDEKTSV4RRFFQ69G5FAI", "01ARZ3NDEKTSV4RRFFQ69G5FAL", "01ARZ3NDEKTSV4RRFFQ69G5FAO",
        "01ARZ3NDEKTSV4RRFFQ69G5FAU", "01ARZ3NDEKTSV4RRFFQ69G5FA-"})
    void rejectsMalformed(String raw) {
        assertThat(Ulid.isValid(raw)).isFalse();
        assertThatThrownBy(() -> new GuildId(raw)).hasMessageContaining("guildId");
    }
}
