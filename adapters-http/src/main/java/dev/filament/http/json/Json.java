package dev.filament.http.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.filament.application.wire.ChannelEvent;
import dev.filament.application.wire.MessageResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The one JSON configuration, shared by REST bodies (Javalin's mapper) and gateway payloads: strict reading (duplicate
 * keys and trailing data rejected, no comments or other leniency) and plain writing. Wire records are written with
 * snake_case names in component order; an empty {@code Optional} component is omitted ({@code key?}), a {@code null}
 * one is written as {@code null} ({@code T|null}); map keys are written as given. Thread-safe.
 */
public final class Json {
    private final ObjectMapper mapper;

    public Json() {
        // buffers come from one shared pool, not a thread-local one: every gateway connection has its own (virtual)
        // command thread, and a thread-local recycler kept ~16 KiB of parser buffers alive per idle socket
        this.mapper = JsonMapper.builder(JsonFactory.builder()
                        .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .addModule(new Jdk8Module())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .withConfigOverride(Optional.class, o -> o.setInclude(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.ALWAYS)))
                .addMixIn(ChannelEvent.MessageCreate.class, FlatMessageCreate.class)
                .build();
    }

    /** {@code message_create}'s {@code d} is the flat {@code MessageResponse} (SPEC 9.5), not an object around it. */
    private abstract static class FlatMessageCreate {
        @JsonValue
        abstract MessageResponse message();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Parses a whole document; any syntax problem, duplicate key or trailing data is {@link MalformedJson}. */
    public JsonNode parse(String text) {
        return parse(text == null ? new byte[0] : text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Parses UTF-8 bytes; invalid UTF-8 is malformed too. */
    public JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new MalformedJson("empty body");
        }
        try (JsonParser parser = mapper.createParser(body)) {
            JsonNode node = mapper.readTree(parser);
            if (node == null || parser.nextToken() != null) {
                throw new MalformedJson("trailing data");
            }
            requireWellFormedText(node);
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedJson("malformed JSON");
        } catch (IOException e) {
            throw new MalformedJson("unreadable body");
        }
    }

    /**
     * Strings and keys must be valid Unicode: a {@code \\ud800} escape without its pair (or an unpaired surrogate
     * smuggled in as bytes) has no UTF-8 form and would be stored as {@code ?}, so it is malformed (400).
     */
    private static void requireWellFormedText(JsonNode node) {
        if (node.isTextual()) {
            requireNoLoneSurrogate(node.textValue());
        } else if (node.isObject()) {
            for (var field : node.properties()) {
                requireNoLoneSurrogate(field.getKey());
                requireWellFormedText(field.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                requireWellFormedText(element);
            }
        }
    }

    private static void requireNoLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new MalformedJson("unpaired surrogate in a string");
            }
        }
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }
}
