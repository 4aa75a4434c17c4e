package dev.filament.application.voice.fakes;

import dev.filament.application.wire.EventSerializer;
import dev.filament.application.wire.ServerEvent;
import dev.filament.application.wire.WireMaps;
import java.util.List;
import java.util.Map;

/**
 * Event serializer for tests: the event as {@link WireMaps} sees it, written as compact JSON of strings, numbers,
 * booleans, null, lists and insertion-ordered maps.
 */
public final class TestJson implements EventSerializer {

    @Override
    public String toJson(ServerEvent event) {
        StringBuilder out = new StringBuilder();
        write(WireMaps.of(event), out);
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
