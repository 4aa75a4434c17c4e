package dev.filament.application.guild.port;

import java.util.Map;

/**
 * Out-port: turns an event payload {@code d} into its JSON text once, so the gateway only splices it (SPEC 9.7.1).
 * Values are {@code String}, {@code Number}, {@code Boolean}, {@code null}, {@code List} and {@code Map} with string
 * keys, nested freely; keys keep their insertion order. Pure, thread-safe, never blocks; throws only on a value of
 * another type.
 */
public interface PayloadSerializer {

    String toJson(Map<String, ?> payload);
}
