package dev.filament.application.message.service;

import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.wire.EventSerializer;
import dev.filament.application.wire.ServerEvent;
import dev.filament.application.wire.WireMaps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fake {@link EventSerializer}: serializes with {@link SimpleJsonSerializer} and keeps, in order, every typed event
 * and the map its JSON is, so tests can assert both the record published and the exact keys of its {@code d}.
 * Thread-safe.
 */
public final class RecordingPayloadSerializer implements EventSerializer {
    private final SimpleJsonSerializer json = new SimpleJsonSerializer();
    private final List<Map<String, ?>> payloads = new ArrayList<>();
    private final List<ServerEvent> events = new ArrayList<>();

    @Override
    public synchronized String toJson(ServerEvent event) {
        events.add(event);
        payloads.add(WireMaps.of(event));
        return json.toJson(event);
    }

    public synchronized List<Map<String, ?>> payloads() {
        return List.copyOf(payloads);
    }

    public synchronized Map<String, ?> last() {
        if (payloads.isEmpty()) {
            throw new IllegalStateException("nothing serialized");
        }
        return payloads.get(payloads.size() - 1);
    }

    /** The last typed event serialized. */
    public synchronized ServerEvent lastEvent() {
        if (events.isEmpty()) {
            throw new IllegalStateException("no event serialized");
        }
        return events.get(events.size() - 1);
    }
}
