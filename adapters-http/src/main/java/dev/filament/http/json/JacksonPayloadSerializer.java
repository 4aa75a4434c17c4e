package dev.filament.http.json;

import dev.filament.application.wire.EventSerializer;
import dev.filament.application.wire.ServerEvent;

/**
 * Adapter: {@link EventSerializer} over the project's {@link Json} mapper, which writes wire records with their
 * snake_case names in component order (empty {@code Optional} omitted, {@code null} written). Each event's {@code d}
 * is written exactly once. Thread-safe; never blocks.
 */
public final class JacksonPayloadSerializer implements EventSerializer {
    private final Json json;

    public JacksonPayloadSerializer(Json json) {
        this.json = json;
    }

    /** Writes a typed event's {@code d} with the shared configuration of {@link Json}. */
    @Override
    public String toJson(ServerEvent event) {
        if (event == null) {
            throw new IllegalArgumentException("event must not be null");
        }
        return json.write(event);
    }
}
