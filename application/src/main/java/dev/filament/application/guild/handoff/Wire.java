package dev.filament.application.guild.handoff;

import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.role.ColorHex;
import dev.filament.domain.guild.role.Role;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The wire shapes of SPEC 5.6 and a payload builder for event {@code d} objects: snake_case keys in documented
 * order, {@code null} where the SPEC says so, optional keys ({@code name?}) omitted when absent.
 */
public final class Wire {
    private final Map<String, Object> map = new LinkedHashMap<>();

    private Wire() {
    }

    public static Wire object() {
        return new Wire();
    }

    public Wire put(String key, Object value) {
        map.put(key, value);
        return this;
    }

    /** Puts the value when present; omits the key otherwise (fields written {@code key?}). */
    public Wire putIfPresent(String key, Optional<?> value) {
        value.ifPresent(v -> map.put(key, v));
        return this;
    }

    public Map<String, Object> build() {
        return map;
    }

    /** {@code Guild = {guild_id, name, visibility}}. */
    public static Map<String, Object> guild(Guild g) {
        return object().put("guild_id", g.id().value()).put("name", g.name().value())
                .put("visibility", g.visibility().wire()).build();
    }

    /** {@code Channel = {channel_id, name, kind}}. */
    public static Map<String, Object> channel(Channel c) {
        return object().put("channel_id", c.id().value()).put("name", c.name().value())
                .put("kind", c.kind().wire()).build();
    }

    /** {@code Role = {role_id, name, position, is_system, permissions, color_hex|null}}. */
    public static Map<String, Object> role(Role r) {
        return object().put("role_id", r.id().value()).put("name", r.name()).put("position", r.position())
                .put("is_system", r.isSystem()).put("permissions", r.permissions().toWireList())
                .put("color_hex", r.colorHex().map(ColorHex::value).orElse(null)).build();
    }

    public static long unix(Instant at) {
        return at.getEpochSecond();
    }
}
