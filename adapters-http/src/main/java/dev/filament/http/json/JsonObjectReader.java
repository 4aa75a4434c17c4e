package dev.filament.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.domain.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one JSON object against a route's schema with the rules of SPEC 1.5: a missing required field, an unknown
 * field, a wrong JSON type, a non-integer where an integer is expected or {@code null} for a required field is a
 * {@link SchemaViolation} (422); {@code null} for an optional field means absent. Call {@link #finish()} last so
 * unknown fields are rejected.
 */
public final class JsonObjectReader {
    private final JsonNode node;
    private final Set<String> seen = new HashSet<>();

    private JsonObjectReader(JsonNode node) {
        this.node = node;
    }

    public static JsonObjectReader of(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new SchemaViolation("body must be a JSON object");
        }
        return new JsonObjectReader(node);
    }

    private Optional<JsonNode> field(String name) {
        seen.add(name);
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    private <T> T required(String name, Function<JsonNode, T> convert) {
        return field(name).map(convert).orElseThrow(() -> new SchemaViolation(name + " is required"));
    }

    public boolean has(String name) {
        return node.has(name);
    }

    public String requiredString(String name) {
        return required(name, v -> text(name, v));
    }

    public Optional<String> optionalString(String name) {
        return field(name).map(v -> text(name, v));
    }

    public long requiredLong(String name) {
        return required(name, v -> integer(name, v));
    }

    public Optional<Long> optionalLong(String name) {
        return field(name).map(v -> integer(name, v));
    }

    public boolean requiredBoolean(String name) {
        return required(name, v -> bool(name, v));
    }

    public Optional<Boolean> optionalBoolean(String name) {
        return field(name).map(v -> bool(name, v));
    }

    public List<String> requiredStringList(String name) {
        return required(name, v -> stringList(name, v));
    }

    public Optional<List<String>> optionalStringList(String name) {
        return field(name).map(v -> stringList(name, v));
    }

    /** A tri-state field: absent, explicitly {@code null}, or a value (SPEC 1.5 exception for e.g. color_hex). */
    public TriState<String> triStateString(String name) {
        seen.add(name);
        if (!node.has(name)) {
            return TriState.absent();
        }
        JsonNode v = node.get(name);
        return v.isNull() ? TriState.cleared() : TriState.of(text(name, v));
    }

    /** A field whose key must be present but whose value may be null (e.g. {@code role_id: null} clears). */
    public Optional<String> requiredNullableString(String name) {
        seen.add(name);
        if (!node.has(name)) {
            throw new SchemaViolation(name + " is required");
        }
        JsonNode v = node.get(name);
        return v.isNull() ? Optional.empty() : Optional.of(text(name, v));
    }

    /** Rejects every field that no accessor asked for. */
    public void finish() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!seen.contains(n)) {
                throw new SchemaViolation("unknown field " + n);
            }
        }
    }

    private static String text(String name, JsonNode v) {
        if (!v.isTextual()) {
            throw new SchemaViolation(name + " must be a string");
        }
        if (v.textValue().indexOf('\u0000') >= 0) {
            throw new InvalidRequestException(name + " must not contain U+0000");
        }
        return v.textValue();
    }

    private static long integer(String name, JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new SchemaViolation(name + " must be an integer");
        }
        return v.longValue();
    }

    private static boolean bool(String name, JsonNode v) {
        if (!v.isBoolean()) {
            throw new SchemaViolation(name + " must be a boolean");
        }
        return v.booleanValue();
    }

    private static List<String> stringList(String name, JsonNode v) {
        if (!v.isArray()) {
            throw new SchemaViolation(name + " must be an array");
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            out.add(text(name + "[]", e));
        }
        return out;
    }
}
