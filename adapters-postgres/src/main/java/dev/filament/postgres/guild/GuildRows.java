package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.GUILDS;
import static dev.filament.postgres.jooq.Tables.GUILD_ROLES;

import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.GuildName;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.ColorHex;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.jooq.tables.records.GuildRolesRecord;
import dev.filament.postgres.jooq.tables.records.GuildsRecord;
import java.time.Instant;
import java.util.Optional;
import org.jooq.Record;

/** Maps {@code guilds} and {@code guild_roles} rows to and from the domain; keeps jOOQ types inside this package. */
final class GuildRows {
    private GuildRows() {
    }

    static GuildsRecord toRecord(Guild guild) {
        GuildsRecord r = new GuildsRecord();
        r.setGuildId(guild.id().value());
        r.setName(guild.name().value());
        r.setVisibility(guild.visibility().wire());
        r.setCreatedByUserId(guild.createdBy().value());
        r.setDefaultJoinRoleId(guild.defaultJoinRole().map(RoleId::value).orElse(null));
        r.setCreatedAt(Timestamps.stored(guild.createdAt()));
        return r;
    }

    /** A guild from any record holding the {@code guilds} columns (plain or joined). */
    static Guild toGuild(Record r) {
        return new Guild(new GuildId(r.get(GUILDS.GUILD_ID)), GuildName.of(r.get(GUILDS.NAME)),
                Visibility.fromWire(r.get(GUILDS.VISIBILITY)).orElseThrow(
                        () -> new IllegalStateException("unknown visibility " + r.get(GUILDS.VISIBILITY))),
                new UserId(r.get(GUILDS.CREATED_BY_USER_ID)),
                Optional.ofNullable(r.get(GUILDS.DEFAULT_JOIN_ROLE_ID)).map(RoleId::new),
                Timestamps.instant(r.get(GUILDS.CREATED_AT)));
    }

    static GuildRolesRecord toRecord(Role role, Instant createdAt) {
        GuildRolesRecord r = new GuildRolesRecord();
        r.setRoleId(role.id().value());
        r.setGuildId(role.guildId().value());
        r.setName(role.name());
        r.setPosition(role.position());
        r.setPermissionsAllowMask(role.permissions().mask());
        r.setIsSystem(role.isSystem());
        r.setSystemKey(role.systemKey().map(SystemRoleKey::wire).orElse(null));
        r.setColorHex(role.colorHex().map(ColorHex::value).orElse(null));
        r.setCreatedAt(Timestamps.stored(createdAt));
        return r;
    }

    /** A role from any record holding the {@code guild_roles} columns (plain or joined). */
    static Role toRole(Record r) {
        Optional<SystemRoleKey> key = Optional.ofNullable(r.get(GUILD_ROLES.SYSTEM_KEY)).map(k ->
                SystemRoleKey.fromWire(k).orElseThrow(() -> new IllegalStateException("unknown system_key " + k)));
        return Role.rebuild(new RoleId(r.get(GUILD_ROLES.ROLE_ID)), new GuildId(r.get(GUILD_ROLES.GUILD_ID)),
                r.get(GUILD_ROLES.NAME), r.get(GUILD_ROLES.POSITION),
                new PermissionSet(r.get(GUILD_ROLES.PERMISSIONS_ALLOW_MASK)), r.get(GUILD_ROLES.IS_SYSTEM), key,
                Optional.ofNullable(r.get(GUILD_ROLES.COLOR_HEX)).map(ColorHex::of));
    }
}
