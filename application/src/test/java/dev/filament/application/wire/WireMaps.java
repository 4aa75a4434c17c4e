package dev.filament.application.wire;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test helper: a wire record as the insertion-ordered map its JSON would be (snake_case keys in component order,
 * empty {@code Optional} omitted, {@code null} kept), so JDK-only fakes can serialize and tests can assert events
 * without Jackson. {@code message_create} is its flat {@code MessageResponse}, as the real serializer writes it.
 */
public final class WireMaps {
    private WireMaps() {
    }

    public static Map<String, Object> of(ServerEvent event) {
        if (event instanceof ChannelEvent.MessageCreate create) {
            return record(create.message());
        }
        return record((Record) event);
    }

    static Map<String, Object> record(Record value) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Object v = read(c, value);
            if (v instanceof Optional<?> o) {
                o.ifPresent(present -> out.put(snake(c.getName()), convert(present)));
            } else {
                out.put(snake(c.getName()), convert(v));
            }
        }
        return out;
    }

    private static Object convert(Object v) {
        return switch (v) {
            case Record r -> record(r);
            case List<?> l -> l.stream().map(WireMaps::convert).toList();
            case Optional<?> o -> o.map(WireMaps::convert).orElse(null);
            case null, default -> v;
        };
    }

    private static Object read(RecordComponent c, Record value) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code createdAtUnix} → {@code created_at_unix}; digits stay attached ({@code sha256Hex} → {@code sha256_hex}). */
    public static String snake(String camel) {
        StringBuilder out = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                out.append('_').append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
