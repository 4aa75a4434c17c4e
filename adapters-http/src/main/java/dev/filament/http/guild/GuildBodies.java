package dev.filament.http.guild;

import dev.filament.application.shared.Page;
import dev.filament.application.guild.port.in.JoinGuildUseCase.Joined;
import dev.filament.application.guild.port.in.CreateIpBansByUserUseCase.Created;
import dev.filament.domain.guild.GuildBan;
import dev.filament.domain.guild.MemberEntry;
import dev.filament.application.guild.port.in.ListRolesUseCase.RolesResult;
import dev.filament.application.wire.ChannelShape;
import dev.filament.application.wire.GuildShape;
import dev.filament.application.wire.RoleShape;
import dev.filament.domain.guild.access.EffectivePermissions;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.id.IpBanId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The response bodies of SPEC 5-7 that only REST carries; the shapes shared with the gateway ({@link GuildShape},
 * {@link ChannelShape}, {@link RoleShape}) live in {@code application.wire}. Lists are pages of SPEC 1.9 where the
 * route pages.
 */
final class GuildBodies {
    private GuildBodies() {
    }

    /** {@code {guilds: [Guild]}}. */
    record Guilds(List<GuildShape> guilds) {
    }

    /** {@code {channels: [Channel]}}. */
    record Channels(List<ChannelShape> channels) {
    }

    /** {@code {guild_id, outcome}} of a directory join. */
    record JoinResult(String guildId, String outcome) {
        static JoinResult of(Joined joined) {
            return new JoinResult(joined.guildId().value(), joined.outcome().wire());
        }
    }

    /** {@code {role, permissions}} of {@code GET …/permissions/self}. */
    record SelfPermissions(String role, List<String> permissions) {
        static SelfPermissions of(EffectivePermissions p) {
            return new SelfPermissions(p.legacyRole().wire(), p.permissions().toWireList());
        }
    }

    /** {@code {roles: [Role], default_join_role_id|null}}. */
    record Roles(List<RoleShape> roles, String defaultJoinRoleId) {
        static Roles of(RolesResult result) {
            return new Roles(result.roles().stream().map(RoleShape::of).toList(),
                    result.defaultJoinRoleId().map(RoleId::value).orElse(null));
        }
    }

    /** {@code {created_count, ban_ids}} of {@code POST …/ip-bans/by-user}. */
    record IpBansCreated(int createdCount, List<String> banIds) {
        static IpBansCreated of(Created created) {
            return new IpBansCreated(created.createdCount(), created.banIds().stream().map(IpBanId::value).toList());
        }
    }

    /** {@code {members: [{user_id, role_ids}], next_cursor}}. */
    record Members(List<Member> members, String nextCursor) {
        static Members of(Page<MemberEntry> page) {
            return new Members(rows(page, Member::of), cursor(page));
        }
    }

    /** {@code {user_id, role_ids: [ULID]}}: explicit assignments, ascending. */
    record Member(String userId, List<String> roleIds) {
        static Member of(MemberEntry m) {
            return new Member(m.user().value(), m.roleIds().stream().map(RoleId::value).toList());
        }
    }

    /** {@code {bans: [{user_id, banned_by_user_id|null, created_at_unix}], next_cursor}}. */
    record Bans(List<Ban> bans, String nextCursor) {
        static Bans of(Page<GuildBan> page) {
            return new Bans(rows(page, Ban::of), cursor(page));
        }
    }

    record Ban(String userId, String bannedByUserId, long createdAtUnix) {
        static Ban of(GuildBan b) {
            return new Ban(b.user().value(), b.bannedBy().map(UserId::value).orElse(null),
                    b.createdAt().getEpochSecond());
        }
    }

    /** {@code {bans: [{ban_id, source_user_id|null, reason|null, created_at_unix, expires_at_unix|null}], next_cursor}}. */
    record IpBans(List<IpBanRow> bans, String nextCursor) {
        static IpBans of(Page<IpBan> page) {
            return new IpBans(rows(page, IpBanRow::of), cursor(page));
        }
    }

    /** One IP ban without its network. */
    record IpBanRow(String banId, String sourceUserId, String reason, long createdAtUnix, Long expiresAtUnix) {
        static IpBanRow of(IpBan b) {
            return new IpBanRow(b.id().value(), b.sourceUser().map(UserId::value).orElse(null),
                    b.reasonForList().orElse(null), b.createdAt().getEpochSecond(),
                    b.expiresAt().map(Instant::getEpochSecond).orElse(null));
        }
    }

    /** {@code {events: [AuditEvent], next_cursor}} (SPEC 7.2). */
    record AuditEvents(List<AuditEvent> events, String nextCursor) {
        static AuditEvents of(Page<AuditEntry> page) {
            return new AuditEvents(rows(page, AuditEvent::of), cursor(page));
        }
    }

    /** {@code {audit_id, actor_user_id, target_user_id|null, action, created_at_unix, ip_ban_match}}; no details. */
    record AuditEvent(String auditId, String actorUserId, String targetUserId, String action, long createdAtUnix,
                      boolean ipBanMatch) {
        static AuditEvent of(AuditEntry e) {
            return new AuditEvent(e.auditId().value(), e.actor().value(), e.target().map(UserId::value).orElse(null),
                    e.action().wire(), e.createdAtUnix(), e.ipBanMatch());
        }
    }

    private static <T, R> List<R> rows(Page<T> page, Function<T, R> row) {
        return page.items().stream().map(row).toList();
    }

    private static String cursor(Page<?> page) {
        return page.nextCursor().orElse(null);
    }
}
