package dev.filament.application.voice.fakes;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Payload serializer for tests: compact JSON of strings, numbers, booleans, null, lists and insertion-ordered maps. */
public final class TestJson implements Function<Map<String, Object>, String> {

    @Override
    public String apply(Map<String, Object> payload) {
        StringBuilder out = new StringBuilder();
        write(payload, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String s -> out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            case Map<?, ?> m -> {
                out.append('{');
                String sep = "";
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    out.append(sep);
                    write(e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                    sep = ",";
                }
                out.append('}');
            }
            case List<?> l -> {
                out.append('[');
                String sep = "";
                for (Object o : l) {
                    out.append(sep);
                    write(o, out);
                    sep = ",";
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("unsupported payload value " + value.getClass());
        }
    }
}
