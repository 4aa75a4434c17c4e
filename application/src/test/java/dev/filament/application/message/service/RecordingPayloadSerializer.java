package dev.filament.application.message.service;

import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.wire.EventSerializer;
import dev.filament.application.wire.ServerEvent;
import dev.filament.application.wire.WireMaps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fake {@link EventSerializer}: serializes with {@link SimpleJsonSerializer} and keeps every payload map in order,
 * so tests can assert the exact keys of each event's {@code d}. Thread-safe.
 */
public final class RecordingPayloadSerializer implements EventSerializer {
    private final SimpleJsonSerializer json = new SimpleJsonSerializer();
    private final List<Map<String, ?>> payloads = new ArrayList<>();

    public synchronized String toJson(Map<String, ?> payload) {
        payloads.add(payload);
        return json.toJson(payload);
    }

    /** Records the event as the map its JSON is, so map-based assertions keep working for typed events. */
    @Override
    public synchronized String toJson(ServerEvent event) {
        return toJson(WireMaps.of(event));
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
}
