package dev.filament.http.guild;

import dev.filament.application.guild.Page;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.GuildBan;
import dev.filament.domain.guild.MemberEntry;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.guild.role.ColorHex;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The response bodies of SPEC 5-7: the shapes of 5.6 and the list rows, snake_case keys, every documented field
 * present and {@code null} only where the SPEC allows it, times as {@code *_unix} seconds.
 */
final class GuildWire {
    private GuildWire() {
    }

    /** {@code Accepted = {"accepted": true}}. */
    static Map<String, Object> accepted() {
        return Map.of("accepted", true);
    }

    /** {@code Guild = {guild_id, name, visibility}}. */
    static Map<String, Object> guild(Guild g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("guild_id", g.id().value());
        out.put("name", g.name().value());
        out.put("visibility", g.visibility().wire());
        return out;
    }

    /** {@code Channel = {channel_id, name, kind}}. */
    static Map<String, Object> channel(Channel c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("channel_id", c.id().value());
        out.put("name", c.name().value());
        out.put("kind", c.kind().wire());
        return out;
    }

    /** {@code Role = {role_id, name, position, is_system, permissions, color_hex: "#RRGGBB"|null}}. */
    static Map<String, Object> role(Role r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("role_id", r.id().value());
        out.put("name", r.name());
        out.put("position", r.position());
        out.put("is_system", r.isSystem());
        out.put("permissions", r.permissions().toWireList());
        out.put("color_hex", r.colorHex().map(ColorHex::value).orElse(null));
        return out;
    }

    /** {@code {<key>: [T], next_cursor: string|null}} (SPEC 1.9). */
    static <T> Map<String, Object> page(String key, Page<T> page, Function<T, Map<String, Object>> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(key, list(page.items(), row));
        out.put("next_cursor", page.nextCursor().orElse(null));
        return out;
    }

    static <T> List<Map<String, Object>> list(List<T> items, Function<T, Map<String, Object>> row) {
        return items.stream().map(row).toList();
    }

    /** {@code {user_id, role_ids: [ULID]}}: explicit assignments, ascending. */
    static Map<String, Object> member(MemberEntry m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user_id", m.user().value());
        out.put("role_ids", m.roleIds().stream().map(RoleId::value).toList());
        return out;
    }

    /** {@code {user_id, banned_by_user_id|null, created_at_unix}}. */
    static Map<String, Object> ban(GuildBan b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user_id", b.user().value());
        out.put("banned_by_user_id", b.bannedBy().map(UserId::value).orElse(null));
        out.put("created_at_unix", b.createdAt().getEpochSecond());
        return out;
    }

    /** {@code {ban_id, source_user_id|null, reason|null, created_at_unix, expires_at_unix|null}}; no network. */
    static Map<String, Object> ipBan(IpBan b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ban_id", b.id().value());
        out.put("source_user_id", b.sourceUser().map(UserId::value).orElse(null));
        out.put("reason", b.reasonForList().orElse(null));
        out.put("created_at_unix", b.createdAt().getEpochSecond());
        out.put("expires_at_unix", b.expiresAt().map(java.time.Instant::getEpochSecond).orElse(null));
        return out;
    }

    /** {@code {audit_id, actor_user_id, target_user_id|null, action, created_at_unix, ip_ban_match}}; no details. */
    static Map<String, Object> auditEvent(AuditEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("audit_id", e.auditId().value());
        out.put("actor_user_id", e.actor().value());
        out.put("target_user_id", e.target().map(UserId::value).orElse(null));
        out.put("action", e.action().wire());
        out.put("created_at_unix", e.createdAtUnix());
        out.put("ip_ban_match", e.ipBanMatch());
        return out;
    }
}
