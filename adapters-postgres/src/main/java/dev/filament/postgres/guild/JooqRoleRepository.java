package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.CHANNEL_PERMISSION_OVERRIDES;
import static dev.filament.postgres.jooq.Tables.GUILD_ROLES;
import static dev.filament.postgres.jooq.Tables.GUILD_ROLE_MEMBERS;

import dev.filament.application.guild.port.out.RoleRepository;
import dev.filament.domain.guild.access.OverrideTargetKind;
import dev.filament.domain.guild.role.ColorHex;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.GuildChanges;
import dev.filament.postgres.JooqUnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * PostgreSQL {@link RoleRepository} over {@code guild_roles} and {@code guild_role_members}. Every query runs on the
 * unit of work's context. Deleting a role relies on the schema for its assignments (CASCADE) and the guild's
 * {@code default_join_role_id} (SET NULL); overrides have no foreign key to roles, so they are deleted here.
 */
public final class JooqRoleRepository implements RoleRepository {
    private final DSLContext dsl;
    private final GuildChanges changes; // access-cache invalidation after each write

    public JooqRoleRepository(JooqUnitOfWork unitOfWork) {
        this.dsl = unitOfWork.dsl();
        this.changes = unitOfWork.guildChanges();
    }

    @Override
    public List<Role> listOf(GuildId guild) {
        return dsl.selectFrom(GUILD_ROLES)
                .where(GUILD_ROLES.GUILD_ID.eq(guild.value()))
                .orderBy(GUILD_ROLES.POSITION.desc(), GUILD_ROLES.CREATED_AT.asc(), GUILD_ROLES.ROLE_ID.asc())
                .fetch(GuildRows::toRole);
    }

    @Override
    public void insert(Role role, Instant createdAt) {
        dsl.insertInto(GUILD_ROLES).set(GuildRows.toRecord(role, createdAt)).execute();
        changes.changed(role.guildId());
    }

    @Override
    public void update(Role role) {
        dsl.update(GUILD_ROLES)
                .set(GUILD_ROLES.NAME, role.name())
                .set(GUILD_ROLES.POSITION, role.position())
                .set(GUILD_ROLES.PERMISSIONS_ALLOW_MASK, role.permissions().mask())
                .set(GUILD_ROLES.COLOR_HEX, role.colorHex().map(ColorHex::value).orElse(null))
                .where(GUILD_ROLES.ROLE_ID.eq(role.id().value()).and(GUILD_ROLES.GUILD_ID.eq(role.guildId().value())))
                .execute();
        changes.changed(role.guildId());
    }

    @Override
    public void delete(GuildId guild, RoleId role) {
        dsl.deleteFrom(CHANNEL_PERMISSION_OVERRIDES)
                .where(CHANNEL_PERMISSION_OVERRIDES.GUILD_ID.eq(guild.value())
                        .and(CHANNEL_PERMISSION_OVERRIDES.TARGET_KIND.eq(OverrideTargetKind.ROLE.wire()))
                        .and(CHANNEL_PERMISSION_OVERRIDES.TARGET_ID.eq(role.value())))
                .execute();
        dsl.deleteFrom(GUILD_ROLES)
                .where(GUILD_ROLES.ROLE_ID.eq(role.value()).and(GUILD_ROLES.GUILD_ID.eq(guild.value())))
                .execute();
        changes.changed(guild);
    }

    @Override
    public List<RoleId> assignmentsOf(GuildId guild, UserId user) {
        return dsl.select(GUILD_ROLE_MEMBERS.ROLE_ID)
                .from(GUILD_ROLE_MEMBERS)
                .where(GUILD_ROLE_MEMBERS.GUILD_ID.eq(guild.value()).and(GUILD_ROLE_MEMBERS.USER_ID.eq(user.value())))
                .fetch(r -> new RoleId(r.value1()))
                .stream().sorted().toList();
    }

    @Override
    public Map<UserId, List<RoleId>> assignmentsOf(GuildId guild, Collection<UserId> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        Map<UserId, List<RoleId>> byUser = new LinkedHashMap<>();
        dsl.select(GUILD_ROLE_MEMBERS.USER_ID, GUILD_ROLE_MEMBERS.ROLE_ID)
                .from(GUILD_ROLE_MEMBERS)
                .where(GUILD_ROLE_MEMBERS.GUILD_ID.eq(guild.value())
                        .and(GUILD_ROLE_MEMBERS.USER_ID.in(users.stream().map(UserId::value).toList())))
                .fetch()
                .forEach(r -> byUser.computeIfAbsent(new UserId(r.value1()), u -> new ArrayList<>())
                        .add(new RoleId(r.value2())));
        byUser.replaceAll((u, roles) -> roles.stream().sorted().toList());
        return byUser;
    }

    @Override
    public boolean assign(GuildId guild, RoleId role, UserId user, Instant at) {
        boolean assigned = dsl.insertInto(GUILD_ROLE_MEMBERS)
                .set(GUILD_ROLE_MEMBERS.GUILD_ID, guild.value())
                .set(GUILD_ROLE_MEMBERS.ROLE_ID, role.value())
                .set(GUILD_ROLE_MEMBERS.USER_ID, user.value())
                .set(GUILD_ROLE_MEMBERS.ASSIGNED_AT, Timestamps.stored(at))
                .onConflictDoNothing()
                .execute() == 1;
        changes.changed(guild);
        return assigned;
    }

    @Override
    public boolean unassign(GuildId guild, RoleId role, UserId user) {
        boolean unassigned = dsl.deleteFrom(GUILD_ROLE_MEMBERS)
                .where(GUILD_ROLE_MEMBERS.GUILD_ID.eq(guild.value())
                        .and(GUILD_ROLE_MEMBERS.ROLE_ID.eq(role.value()))
                        .and(GUILD_ROLE_MEMBERS.USER_ID.eq(user.value())))
                .execute() == 1;
        changes.changed(guild);
        return unassigned;
    }

    @Override
    public long countHolders(GuildId guild, RoleId role) {
        return dsl.fetchCount(GUILD_ROLE_MEMBERS, GUILD_ROLE_MEMBERS.GUILD_ID.eq(guild.value())
                .and(GUILD_ROLE_MEMBERS.ROLE_ID.eq(role.value())));
    }

    @Override
    public Set<UserId> holdersOfAny(GuildId guild, Collection<RoleId> roles) {
        if (roles.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(dsl.selectDistinct(GUILD_ROLE_MEMBERS.USER_ID)
                .from(GUILD_ROLE_MEMBERS)
                .where(GUILD_ROLE_MEMBERS.GUILD_ID.eq(guild.value())
                        .and(GUILD_ROLE_MEMBERS.ROLE_ID.in(roles.stream().map(RoleId::value).toList())))
                .fetch(r -> new UserId(r.value1())));
    }
}
