package dev.filament.postgres.guild;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.tools.json.ContainerFactory;
import org.jooq.tools.json.JSONParser;
import org.jooq.tools.json.ParseException;

/**
 * The {@code details} jsonb of an audit row: written from the values audit entries carry ({@code String},
 * {@code Number}, {@code Boolean}, {@code null}, {@code List}, {@code Map} with string keys, nested), read back with
 * jOOQ's bundled JSON parser (integers as {@code Long}, order of keys kept). Any other value type is a programming
 * error and fails the write instead of storing something unreadable.
 */
final class AuditDetailsJson {
    private static final ContainerFactory ORDERED = new ContainerFactory() {
        @Override
        public Map<String, Object> createObjectContainer() {
            return new LinkedHashMap<>();
        }

        @Override
        public List<Object> createArrayContainer() {
            return new ArrayList<>();
        }
    };

    private AuditDetailsJson() {
    }

    static String write(Map<String, ?> details) {
        StringBuilder out = new StringBuilder();
        value(details, out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String json) {
        try {
            return (Map<String, Object>) new JSONParser().parse(json, ORDERED);
        } catch (ParseException | ClassCastException e) {
            throw new IllegalStateException("stored audit details are not a JSON object", e);
        }
    }

    private static void value(Object v, StringBuilder out) {
        switch (v) {
            case null -> out.append("null");
            case String s -> string(s, out);
            case Boolean b -> out.append(b);
            case Number n when Double.isFinite(n.doubleValue()) -> out.append(n);
            case Map<?, ?> m -> object(m, out);
            case List<?> l -> array(l, out);
            default -> throw new IllegalArgumentException("audit details hold an unsupported value type "
                    + v.getClass().getName());
        }
    }

    private static void object(Map<?, ?> m, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("audit details keys must be strings");
            }
            out.append(first ? "" : ",");
            first = false;
            string(key, out);
            out.append(':');
            value(e.getValue(), out);
        }
        out.append('}');
    }

    private static void array(List<?> l, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < l.size(); i++) {
            out.append(i == 0 ? "" : ",");
            value(l.get(i), out);
        }
        out.append(']');
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
