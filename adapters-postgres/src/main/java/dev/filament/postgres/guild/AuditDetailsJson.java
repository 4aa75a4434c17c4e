package dev.filament.postgres.guild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code details} jsonb of an audit row, written and read with Jackson: the values audit entries carry
 * ({@code String}, {@code Number}, {@code Boolean}, {@code null}, {@code List}, {@code Map} with string keys, nested)
 * are checked first, so any other value type fails the write instead of storing something unreadable; read back with
 * integers as {@code Long} and keys in stored order. Thread-safe.
 */
final class AuditDetailsJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private AuditDetailsJson() {
    }

    static String write(Map<String, ?> details) {
        check(details);
        try {
            return MAPPER.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details could not be serialized", e);
        }
    }

    static Map<String, Object> read(String json) {
        try {
            Map<String, Object> details = MAPPER.readValue(json, OBJECT);
            if (details == null) {
                throw new IllegalStateException("stored audit details are not a JSON object");
            }
            return details;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit details are not a JSON object", e);
        }
    }

    private static void check(Object v) {
        switch (v) {
            case null -> { }
            case String s -> { }
            case Boolean b -> { }
            case Number n when Double.isFinite(n.doubleValue()) -> { }
            case Map<?, ?> m -> m.forEach((key, value) -> {
                if (!(key instanceof String)) {
                    throw new IllegalArgumentException("audit details keys must be strings");
                }
                check(value);
            });
            case List<?> l -> l.forEach(AuditDetailsJson::check);
            default -> throw new IllegalArgumentException("audit details hold an unsupported value type "
                    + v.getClass().getName());
        }
    }
}
