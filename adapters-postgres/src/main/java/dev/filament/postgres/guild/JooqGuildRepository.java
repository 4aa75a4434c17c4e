package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.GUILDS;
import static dev.filament.postgres.jooq.Tables.GUILD_MEMBERS;
import static dev.filament.postgres.jooq.Tables.GUILD_ROLES;
import static dev.filament.postgres.jooq.Tables.GUILD_ROLE_MEMBERS;

import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.LikePattern;
import dev.filament.domain.guild.PublicGuildQuery;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.GuildChanges;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.jooq.tables.records.GuildRolesRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.impl.DSL;

/**
 * PostgreSQL {@link GuildRepository} over table {@code guilds} (plus the seeded roles, membership and owner
 * assignment written with a new guild). Every query runs on the unit of work's context, so it joins the caller's
 * transaction; {@link #lock} is {@code SELECT ... FOR UPDATE}.
 */
public final class JooqGuildRepository implements GuildRepository {
    private final DSLContext dsl;
    private final GuildChanges changes; // access-cache invalidation after each write

    public JooqGuildRepository(JooqUnitOfWork unitOfWork) {
        this.dsl = unitOfWork.dsl();
        this.changes = unitOfWork.guildChanges();
    }

    @Override
    public void insertWithOwner(Guild guild, List<Role> seededRoles) {
        RoleId owner = seededRoles.stream().filter(r -> r.is(SystemRoleKey.WORKSPACE_OWNER)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("seededRoles lack workspace_owner")).id();
        OffsetDateTime at = Timestamps.stored(guild.createdAt());
        dsl.insertInto(GUILDS).set(GuildRows.toRecord(guild.withDefaultJoinRole(Optional.empty()))).execute();
        InsertSetMoreStep<GuildRolesRecord> roles = null;
        for (Role role : seededRoles) {
            GuildRolesRecord row = GuildRows.toRecord(role, guild.createdAt());
            roles = roles == null ? dsl.insertInto(GUILD_ROLES).set(row) : roles.newRecord().set(row);
        }
        roles.execute(); // one multi-row statement
        dsl.insertInto(GUILD_MEMBERS)
                .set(GUILD_MEMBERS.GUILD_ID, guild.id().value())
                .set(GUILD_MEMBERS.USER_ID, guild.createdBy().value())
                .set(GUILD_MEMBERS.JOINED_AT, at)
                .execute();
        dsl.insertInto(GUILD_ROLE_MEMBERS)
                .set(GUILD_ROLE_MEMBERS.GUILD_ID, guild.id().value())
                .set(GUILD_ROLE_MEMBERS.ROLE_ID, owner.value())
                .set(GUILD_ROLE_MEMBERS.USER_ID, guild.createdBy().value())
                .set(GUILD_ROLE_MEMBERS.ASSIGNED_AT, at)
                .execute();
        if (guild.defaultJoinRole().isPresent()) {
            update(guild); // the role row must exist before the guild can point at it
        }
        changes.changed(guild.id());
    }

    @Override
    public Optional<Guild> find(GuildId id) {
        return dsl.selectFrom(GUILDS).where(GUILDS.GUILD_ID.eq(id.value())).fetchOptional().map(GuildRows::toGuild);
    }

    @Override
    public Optional<Guild> lock(GuildId id) {
        return dsl.selectFrom(GUILDS).where(GUILDS.GUILD_ID.eq(id.value())).forUpdate().fetchOptional()
                .map(GuildRows::toGuild);
    }

    @Override
    public int countCreatedBy(UserId creator) {
        return dsl.fetchCount(GUILDS, GUILDS.CREATED_BY_USER_ID.eq(creator.value()));
    }

    @Override
    public List<Guild> listForMember(UserId user, int limit) {
        return dsl.select(GUILDS.fields())
                .from(GUILDS)
                .join(GUILD_MEMBERS).on(GUILD_MEMBERS.GUILD_ID.eq(GUILDS.GUILD_ID))
                .where(GUILD_MEMBERS.USER_ID.eq(user.value()))
                .orderBy(GUILDS.CREATED_AT.desc(), GUILDS.GUILD_ID.desc())
                .limit(limit)
                .fetch(GuildRows::toGuild);
    }

    @Override
    public List<Guild> listPublic(PublicGuildQuery query, int limit) {
        Condition matches = query.likePattern()
                // guild names are ASCII (SPEC 5.6), so lower() is exactly the query's ASCII lower-casing
                .map(p -> DSL.lower(GUILDS.NAME).like(p, LikePattern.ESCAPE))
                .orElse(DSL.noCondition());
        return dsl.selectFrom(GUILDS)
                .where(GUILDS.VISIBILITY.eq(Visibility.PUBLIC.wire()).and(matches))
                .orderBy(GUILDS.CREATED_AT.desc(), GUILDS.GUILD_ID.desc())
                .limit(limit)
                .fetch(GuildRows::toGuild);
    }

    @Override
    public void update(Guild guild) {
        dsl.update(GUILDS)
                .set(GUILDS.NAME, guild.name().value())
                .set(GUILDS.VISIBILITY, guild.visibility().wire())
                .set(GUILDS.DEFAULT_JOIN_ROLE_ID, guild.defaultJoinRole().map(RoleId::value).orElse(null))
                .where(GUILDS.GUILD_ID.eq(guild.id().value()))
                .execute();
        changes.changed(guild.id());
    }
}
