package dev.filament.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.guild.port.PayloadSerializer;
import dev.filament.application.guild.port.PayloadSerializerContract;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The port contract over the project's Jackson mapper, plus the value checks that keep Jackson from guessing. */
class JacksonPayloadSerializerTest extends PayloadSerializerContract {
    private final JacksonPayloadSerializer serializer = new JacksonPayloadSerializer(new Json());

    @Override
    protected PayloadSerializer serializer() {
        return serializer;
    }

    @Test
    void writesEveryAllowedNumberTypeAsAJsonNumber() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("i", 1);
        payload.put("l", 1893456000L);
        payload.put("d", 1.5);
        payload.put("big", new BigDecimal("12.50"));
        assertThat(serializer.toJson(payload)).isEqualTo("{\"i\":1,\"l\":1893456000,\"d\":1.5,\"big\":12.50}");
    }

    @Test
    void refusesBeansNonStringKeysAndNonFiniteNumbersWithIllegalArgument() {
        assertThatThrownBy(() -> serializer.toJson(Map.of("at", Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.time.Instant");
        assertThatThrownBy(() -> serializer.toJson(Map.of("nested", List.of(Map.of(1, "x")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keys");
        assertThatThrownBy(() -> serializer.toJson(Map.of("nan", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> serializer.toJson(Map.of("inf", Float.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> serializer.toJson((Map<String, ?>) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMapThatContainsItselfIsRefusedInsteadOfOverflowingTheStack() {
        Map<String, Object> loop = new HashMap<>();
        loop.put("self", loop);
        assertThatThrownBy(() -> serializer.toJson(loop)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested deeper");
    }

    @Test
    void keepsNonAsciiTextAndEscapesOnlyWhatJsonRequires() {
        assertThat(serializer.toJson(Map.of("name", "café ☕ </script>"))).isEqualTo("{\"name\":\"café ☕ </script>\"}");
    }
}
