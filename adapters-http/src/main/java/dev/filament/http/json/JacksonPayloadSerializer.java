package dev.filament.http.json;

import dev.filament.application.guild.port.PayloadSerializer;
import dev.filament.application.wire.ServerEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Adapter: {@link PayloadSerializer} over the project's {@link Json} mapper. Each payload is checked against the
 * port's value types and then written exactly once. The port's contract is the only way this throws: an
 * {@link IllegalArgumentException} for a value of another type, so Jackson never gets to serialize a stray bean
 * reflectively, and a Jackson failure is rethrown unchecked as well. Thread-safe; never blocks.
 */
public final class JacksonPayloadSerializer implements PayloadSerializer {
    /** Deeper nesting than any event payload has; it also stops a map that contains itself. */
    static final int MAX_DEPTH = 32;

    private final Json json;

    public JacksonPayloadSerializer(Json json) {
        this.json = json;
    }

    @Override
    public String toJson(Map<String, ?> payload) {
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null");
        }
        check(payload, 0);
        try {
            return json.write(payload);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("payload could not be serialized", e);
        }
    }

    /** Writes a typed event's {@code d} with the shared configuration of {@link Json}. */
    @Override
    public String toJson(ServerEvent event) {
        if (event == null) {
            throw new IllegalArgumentException("event must not be null");
        }
        return json.write(event);
    }

    private static void check(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("payload nested deeper than " + MAX_DEPTH);
        }
        switch (value) {
            case null -> { }
            case String s -> { }
            case Boolean b -> { }
            case Double d when !d.isInfinite() && !d.isNaN() -> { }
            case Float f when !f.isInfinite() && !f.isNaN() -> { }
            case Integer i -> { }
            case Long l -> { }
            case Short s -> { }
            case Byte b -> { }
            case BigInteger i -> { }
            case BigDecimal d -> { }
            case Map<?, ?> m -> {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!(e.getKey() instanceof String)) {
                        throw new IllegalArgumentException("payload keys must be strings");
                    }
                    check(e.getValue(), depth + 1);
                }
            }
            case List<?> l -> {
                for (Object element : l) {
                    check(element, depth + 1);
                }
            }
            default -> throw new IllegalArgumentException("unsupported payload value " + value.getClass().getName());
        }
    }
}
