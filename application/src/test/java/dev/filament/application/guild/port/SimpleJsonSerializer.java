package dev.filament.application.guild.port;

import dev.filament.application.wire.EventSerializer;
import dev.filament.application.wire.ServerEvent;
import dev.filament.application.wire.WireMaps;
import java.util.List;
import java.util.Map;

/**
 * Fake {@link EventSerializer}: writes the event as the map {@link WireMaps} makes of it with a small JSON writer
 * ({@code String}, {@code Number}, {@code Boolean}, {@code null}, {@code List}, string-keyed {@code Map}). JDK only;
 * thread-safe.
 */
public final class SimpleJsonSerializer implements EventSerializer {

    @Override
    public String toJson(ServerEvent event) {
        StringBuilder out = new StringBuilder();
        write(WireMaps.of(event), out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(s, out);
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            case Map<?, ?> m -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    out.append(first ? "" : ",");
                    first = false;
                    string((String) e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            }
            case List<?> l -> {
                out.append('[');
                for (int i = 0; i < l.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(l.get(i), out);
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("unsupported payload value " + value.getClass());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
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
