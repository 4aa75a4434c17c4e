package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.CHANNELS;
import static dev.filament.postgres.jooq.Tables.CHANNEL_PERMISSION_OVERRIDES;
import static dev.filament.postgres.jooq.Tables.GUILDS;
import static dev.filament.postgres.jooq.Tables.GUILD_MEMBERS;
import static dev.filament.postgres.jooq.Tables.GUILD_ROLES;

import dev.filament.application.guild.port.out.AccessLoader;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.role.GuildRoles;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.JooqUnitOfWork;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * PostgreSQL {@link AccessLoader}: each read of the access ladder is one statement whatever the size of the guild
 * (guild LEFT JOIN its roles; membership with its assignments aggregated; channel LEFT JOIN its overrides). Runs on
 * the unit of work's context, inside the caller's transaction.
 */
public final class JooqAccessLoader implements AccessLoader {
    private final DSLContext dsl;

    public JooqAccessLoader(JooqUnitOfWork unitOfWork) {
        this.dsl = unitOfWork.dsl();
    }

    @Override
    public Optional<GuildSnapshot> guild(GuildId guild) {
        Result<Record> rows = dsl.select(GUILDS.fields()).select(GUILD_ROLES.fields())
                .from(GUILDS)
                .leftJoin(GUILD_ROLES).on(GUILD_ROLES.GUILD_ID.eq(GUILDS.GUILD_ID))
                .where(GUILDS.GUILD_ID.eq(guild.value()))
                .orderBy(GUILD_ROLES.POSITION.desc(), GUILD_ROLES.CREATED_AT.asc(), GUILD_ROLES.ROLE_ID.asc())
                .fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Role> roles = rows.stream().filter(r -> r.get(GUILD_ROLES.ROLE_ID) != null).map(GuildRows::toRole)
                .toList();
        // GuildRoles fails (500) when a seeded role is missing: data corruption, never a fallback (SPEC 5.4)
        return Optional.of(new GuildSnapshot(GuildRows.toGuild(rows.get(0)), GuildRoles.of(roles)));
    }

    @Override
    public Optional<List<RoleId>> membership(GuildId guild, UserId user) {
        return dsl.select(JooqMemberRepository.explicitRoles())
                .from(GUILD_MEMBERS)
                .where(GUILD_MEMBERS.GUILD_ID.eq(guild.value()).and(GUILD_MEMBERS.USER_ID.eq(user.value())))
                .fetchOptional(r -> RoleIds.of(r.value1()));
    }

    // one statement: user_id = any(array) keeps one bind whatever the batch size
    @Override
    public Map<UserId, List<RoleId>> memberships(GuildId guild, Collection<UserId> users) {
        AccessLoader.checkBatch(users);
        Map<UserId, List<RoleId>> found = new HashMap<>();
        if (users.isEmpty()) {
            return found;
        }
        String[] ids = users.stream().map(UserId::value).distinct().toArray(String[]::new);
        dsl.select(GUILD_MEMBERS.USER_ID, JooqMemberRepository.explicitRoles())
                .from(GUILD_MEMBERS)
                .where(GUILD_MEMBERS.GUILD_ID.eq(guild.value()).and(GUILD_MEMBERS.USER_ID.eq(DSL.any(ids))))
                .forEach(r -> found.put(new UserId(r.value1()), RoleIds.of(r.value2())));
        return found;
    }

    @Override
    public Optional<ChannelSnapshot> channel(GuildId guild, ChannelId channel) {
        Result<Record> rows = dsl.select(CHANNELS.fields()).select(CHANNEL_PERMISSION_OVERRIDES.fields())
                .from(CHANNELS)
                .leftJoin(CHANNEL_PERMISSION_OVERRIDES)
                .on(CHANNEL_PERMISSION_OVERRIDES.CHANNEL_ID.eq(CHANNELS.CHANNEL_ID))
                .where(CHANNELS.CHANNEL_ID.eq(channel.value()).and(CHANNELS.GUILD_ID.eq(guild.value())))
                .fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<ChannelOverride> overrides = rows.stream()
                .filter(r -> r.get(CHANNEL_PERMISSION_OVERRIDES.TARGET_KIND) != null)
                .map(ChannelRows::toOverride)
                .toList();
        return Optional.of(new ChannelSnapshot(ChannelRows.toChannel(rows.get(0)), overrides));
    }
}
