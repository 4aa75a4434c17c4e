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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code details} jsonb of an audit row, written and read with Jackson: an {@link AuditDetails} record is one JSON
 * object whose keys are its components in snake_case, in declaration order, with {@code null} components written as
 * {@code null}; read back into the record type of the row's action, refusing unknown, missing or duplicate keys.
 * Thread-safe.
 */
final class AuditDetailsJson {
    private static final Logger LOG = LoggerFactory.getLogger(AuditDetailsJson.class);
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
        if (details instanceof AuditDetails.Unreadable unreadable) {
            return unreadable.storedJson(); // verbatim, as read
        }
        try {
            return MAPPER.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details could not be serialized", e);
        }
    }

    /**
     * The details of a stored row of {@code action}. A row that does not fit its action's shape (another version wrote
     * it) reads as {@link AuditDetails.Unreadable} with a warning instead of failing the whole audit page.
     */
    static AuditDetails read(AuditAction action, String json) {
        try {
            AuditDetails details = MAPPER.readValue(json, action.detailsType());
            if (details != null) {
                return details;
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.debug("stored audit details do not fit {}", action.wire(), e);
        }
        LOG.atWarn().addKeyValue("event", "audit.details_unreadable").addKeyValue("action", action.wire())
                .log("stored audit details do not fit their action's shape; kept verbatim");
        return new AuditDetails.Unreadable(json);
    }
}
