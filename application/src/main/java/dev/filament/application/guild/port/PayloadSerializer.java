package dev.filament.application.guild.port;

import dev.filament.application.wire.EventSerializer;
import java.util.Map;

/**
 * Out-port: turns an event payload {@code d} into its JSON text once, so the gateway only splices it (SPEC 9.7.1).
 * Values are {@code String}, {@code Number}, {@code Boolean}, {@code null}, {@code List} and {@code Map} with string
 * keys, nested freely; keys keep their insertion order. Pure, thread-safe, never blocks; throws only on a value of
 * another type. Also serializes the typed events of {@link EventSerializer}; the map form goes once every publisher
 * builds a {@link dev.filament.application.wire.ServerEvent}.
 */
public interface PayloadSerializer extends EventSerializer {

    String toJson(Map<String, ?> payload);
}
