package dev.filament.postgres.guild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit {@code details} codec: every value kind audit rows carry survives a round trip; others are refused. */
class AuditDetailsJsonTest {

    @Test
    void nestedValuesNullsAndEscapesRoundTripInKeyOrder() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("z_first", "quote \" backslash \\ newline \n tab \t bell \u0007 é ✓");
        details.put("color_hex", null);
        details.put("was_member", true);
        details.put("created_count", 3L);
        details.put("ban_ids", List.of("A", "B"));
        details.put("nested", Map.of("k", List.of(1L, false)));
        Map<String, Object> back = AuditDetailsJson.read(AuditDetailsJson.write(details));
        assertThat(back).isEqualTo(details);
        assertThat(back.keySet()).containsExactly("z_first", "color_hex", "was_member", "created_count", "ban_ids",
                "nested");
    }

    @Test
    void integersAreWrittenAsJsonNumbersAndReadBackAsLongs() {
        assertThat(AuditDetailsJson.write(Map.of("position", 7))).isEqualTo("{\"position\":7}");
        assertThat(AuditDetailsJson.read("{\"position\":7}")).containsEntry("position", 7L);
    }

    @Test
    void aValueOfAnotherTypeIsRefusedInsteadOfStoredUnreadably() {
        assertThatThrownBy(() -> AuditDetailsJson.write(Map.of("at", Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.time.Instant");
        assertThatThrownBy(() -> AuditDetailsJson.write(Map.of("nan", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
