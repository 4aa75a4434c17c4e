package dev.filament.postgres.guild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;

/**
 * The {@code details} jsonb of an audit row, written and read with Jackson: an {@link AuditDetails} record is one JSON
 * object whose keys are its components in snake_case, in declaration order, with {@code null} components written as
 * {@code null}; read back into the record type of the row's action, refusing unknown, missing or duplicate keys.
 * Thread-safe.
 */
final class AuditDetailsJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // None has no components and is stored as {}.
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private AuditDetailsJson() {
    }

    static String write(AuditDetails details) {
        try {
            return MAPPER.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details could not be serialized", e);
        }
    }

    /** The details of a stored row of {@code action}; a row that does not fit its action's shape fails. */
    static AuditDetails read(AuditAction action, String json) {
        try {
            AuditDetails details = MAPPER.readValue(json, action.detailsType());
            if (details == null) {
                throw new IllegalStateException("stored audit details are not a JSON object");
            }
            return details;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit details do not fit " + action.wire(), e);
        }
    }
}
