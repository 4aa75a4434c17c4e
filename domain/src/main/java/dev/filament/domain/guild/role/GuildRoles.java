package dev.filament.domain.guild.role;

import dev.filament.domain.id.RoleId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Value: every role of one guild, with its four seeded roles guaranteed present. A guild missing one of them is
 * data corruption (SPEC 5.4): construction fails with {@link IllegalStateException} (500), never falls back.
 */
public final class GuildRoles {
    private final Map<RoleId, Role> byId;
    private final Map<SystemRoleKey, Role> seeded;

    private GuildRoles(Map<RoleId, Role> byId, Map<SystemRoleKey, Role> seeded) {
        this.byId = byId;
        this.seeded = seeded;
    }

    public static GuildRoles of(Collection<Role> roles) {
        Map<RoleId, Role> byId = new LinkedHashMap<>();
        Map<SystemRoleKey, Role> seeded = new EnumMap<>(SystemRoleKey.class);
        for (Role r : roles) {
            if (byId.put(r.id(), r) != null) {
                throw new IllegalArgumentException("duplicate role " + r.id());
            }
            r.systemKey().ifPresent(k -> {
                if (seeded.put(k, r) != null) {
                    throw new IllegalStateException("guild has two roles with system_key " + k.wire());
                }
            });
        }
        for (SystemRoleKey k : SystemRoleKey.values()) {
            if (!seeded.containsKey(k)) {
                throw new IllegalStateException("guild lacks its seeded role " + k.wire());
            }
        }
        return new GuildRoles(byId, seeded);
    }

    public Role seeded(SystemRoleKey key) {
        return seeded.get(key);
    }

    public Optional<Role> find(RoleId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Role> all() {
        return List.copyOf(byId.values());
    }

    public int count() {
        return byId.size();
    }
}
