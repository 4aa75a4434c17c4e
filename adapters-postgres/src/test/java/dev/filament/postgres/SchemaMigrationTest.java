package dev.filament.postgres;

import static dev.filament.postgres.jooq.Tables.CHANNEL_PERMISSION_OVERRIDES;
import static dev.filament.postgres.jooq.Tables.GUILDS;
import static dev.filament.postgres.jooq.Tables.GUILD_IP_BANS;
import static dev.filament.postgres.jooq.Tables.GUILD_ROLES;
import static dev.filament.postgres.jooq.Tables.SEARCH_OUTBOX;
import static dev.filament.postgres.jooq.Tables.SESSIONS;
import static dev.filament.postgres.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.SqlViolations;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class SchemaMigrationTest {

    @Test
    void migration_createsExactlyThePhase1Tables(DSLContext dsl) {
        List<String> tables = dsl.fetchValues(
                "select table_name::text from information_schema.tables where table_schema = 'public'"
                        + " and table_type = 'BASE TABLE'").stream().map(String.class::cast).toList();

        assertThat(tables).containsExactlyInAnyOrder(
                "flyway_schema_history", "server_secrets", "users", "sessions", "used_refresh_tokens", "guilds",
                "guild_members", "guild_roles", "guild_role_members", "channels", "channel_permission_overrides",
                "messages", "search_documents", "search_outbox", "guild_bans", "user_ip_observations",
                "guild_ip_bans", "audit_logs", "friendships", "friendship_requests", "attachments", "blob_gc", "message_reactions");
    }

    @Test
    void migration_createsTheSpecialIndexes(DSLContext dsl) {
        List<String> defs = dsl.fetchValues("select indexdef from pg_indexes where schemaname = 'public'")
                .stream().map(String.class::cast).toList();

        assertThat(defs).anyMatch(d -> d.contains("ON public.users USING btree (lower(username))")
                && d.startsWith("CREATE UNIQUE INDEX"));
        assertThat(defs).anyMatch(d -> d.contains("ON public.search_documents USING gin (tsv)"));
        assertThat(defs).anyMatch(d -> d.contains("ON public.guild_ip_bans USING gist (ip_network inet_ops)"));
        assertThat(defs).anyMatch(d -> d.startsWith("CREATE UNIQUE INDEX")
                && d.contains("ON public.search_outbox USING btree (guild_id) WHERE (op = 'rebuild'::text)"));
        assertThat(defs).anyMatch(d -> d.contains("ON public.guilds USING btree (created_at DESC, guild_id DESC)"
                + " WHERE (visibility = 'public'::text)"));
        assertThat(defs).anyMatch(d -> d.contains("(guild_id, action text_pattern_ops, created_at DESC, audit_id DESC)"));
    }

    @Test
    void migratingAgain_appliesNothing(DataSource dataSource) {
        assertThat(Migrations.migrate(dataSource)).isZero();
    }

    @Test
    void usernames_areUniqueIgnoringCase(DSLContext dsl) {
        String name = "Alice_" + Rows.id().substring(0, 10);
        Rows.user(dsl, Rows.id(), name);

        assertThatThrownBy(() -> Rows.user(dsl, Rows.id(), name.toLowerCase()))
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(SqlViolations.isUniqueViolation(e, "users_username_lower_uq")).isTrue());
        assertThat(dsl.fetchCount(USERS, DSL.lower(USERS.USERNAME).eq(name.toLowerCase()))).isEqualTo(1);
    }

    @Test
    void overrideMasks_mustBeDisjoint(DSLContext dsl) {
        String guild = Rows.guild(dsl, Rows.user(dsl));
        String channel = Rows.channel(dsl, guild);

        insertOverride(dsl, channel, guild, "role-a", 2L, 1L);

        assertThatThrownBy(() -> insertOverride(dsl, channel, guild, "role-b", 3L, 1L))
                .satisfies(e -> assertThat(SqlViolations.isCheckViolation(e)).isTrue())
                .satisfies(e -> assertThat(SqlViolations.constraint(e))
                        .contains("channel_permission_overrides_disjoint_check"));
        assertThatThrownBy(() -> insertOverride(dsl, channel, guild, "role-c", 4096L, 0L))
                .satisfies(e -> assertThat(SqlViolations.isCheckViolation(e)).isTrue());
        assertThat(dsl.fetchCount(CHANNEL_PERMISSION_OVERRIDES,
                CHANNEL_PERMISSION_OVERRIDES.CHANNEL_ID.eq(channel))).isEqualTo(1);
    }

    @Test
    void refreshTokenHash_mustBe32Bytes(DSLContext dsl) {
        String user = Rows.user(dsl);

        insertSession(dsl, user, new byte[32]);

        assertThatThrownBy(() -> insertSession(dsl, user, new byte[31]))
                .satisfies(e -> assertThat(SqlViolations.constraint(e)).contains("sessions_refresh_token_hash_check"));
    }

    @Test
    void deletingTheDefaultJoinRole_clearsItOnTheGuild(DSLContext dsl) {
        String guild = Rows.guild(dsl, Rows.user(dsl));
        String role = Rows.id();
        dsl.insertInto(GUILD_ROLES)
                .set(GUILD_ROLES.ROLE_ID, role).set(GUILD_ROLES.GUILD_ID, guild).set(GUILD_ROLES.NAME, "joiner")
                .set(GUILD_ROLES.POSITION, 1).set(GUILD_ROLES.PERMISSIONS_ALLOW_MASK, 0L)
                .set(GUILD_ROLES.COLOR_HEX, "#00FF7A").set(GUILD_ROLES.CREATED_AT, Rows.now()).execute();
        dsl.update(GUILDS).set(GUILDS.DEFAULT_JOIN_ROLE_ID, role).where(GUILDS.GUILD_ID.eq(guild)).execute();

        dsl.deleteFrom(GUILD_ROLES).where(GUILD_ROLES.ROLE_ID.eq(role)).execute();

        assertThat(dsl.fetchValue(GUILDS.DEFAULT_JOIN_ROLE_ID, GUILDS.GUILD_ID.eq(guild))).isNull();
        assertThat(dsl.fetchExists(GUILDS, GUILDS.GUILD_ID.eq(guild))).isTrue();
    }

    @Test
    void deletingAUser_cascadesToTheirSessions(DSLContext dsl) {
        String user = Rows.user(dsl);
        insertSession(dsl, user, new byte[32]);

        dsl.deleteFrom(USERS).where(USERS.USER_ID.eq(user)).execute();

        assertThat(dsl.fetchExists(SESSIONS, SESSIONS.USER_ID.eq(user))).isFalse();
    }

    @Test
    void cidrColumns_takeTextBindsAndMatchContainedAddresses(DSLContext dsl) {
        String owner = Rows.user(dsl);
        String guild = Rows.guild(dsl, owner);
        dsl.insertInto(GUILD_IP_BANS)
                .set(GUILD_IP_BANS.BAN_ID, Rows.id()).set(GUILD_IP_BANS.GUILD_ID, guild)
                .set(GUILD_IP_BANS.IP_NETWORK, "203.0.113.0/24").set(GUILD_IP_BANS.CREATED_BY_USER_ID, owner)
                .set(GUILD_IP_BANS.CREATED_AT, Rows.now()).execute();

        int hits = dsl.fetchCount(GUILD_IP_BANS, GUILD_IP_BANS.GUILD_ID.eq(guild)
                .and(DSL.condition("{0} >>= {1}::inet", GUILD_IP_BANS.IP_NETWORK, DSL.val("203.0.113.7"))));
        int misses = dsl.fetchCount(GUILD_IP_BANS, GUILD_IP_BANS.GUILD_ID.eq(guild)
                .and(DSL.condition("{0} >>= {1}::inet", GUILD_IP_BANS.IP_NETWORK, DSL.val("203.0.114.7"))));

        assertThat(hits).isEqualTo(1);
        assertThat(misses).isZero();
        assertThat(dsl.fetchValue(GUILD_IP_BANS.IP_NETWORK, GUILD_IP_BANS.GUILD_ID.eq(guild)
                .and(GUILD_IP_BANS.IP_NETWORK.eq("203.0.113.0/24")))).isEqualTo("203.0.113.0/24");
    }

    @Test
    void onlyOnePendingRebuild_perGuild(DSLContext dsl) {
        String guild = Rows.id();
        insertOutbox(dsl, guild, "rebuild", null);
        insertOutbox(dsl, guild, "upsert", Rows.id());

        assertThatThrownBy(() -> insertOutbox(dsl, guild, "rebuild", null))
                .satisfies(e -> assertThat(SqlViolations.isUniqueViolation(e, "search_outbox_rebuild_uq")).isTrue());
        assertThat(dsl.fetchCount(SEARCH_OUTBOX, SEARCH_OUTBOX.GUILD_ID.eq(guild))).isEqualTo(2);
    }

    private static void insertOverride(DSLContext dsl, String channel, String guild, String target, long allow,
                                       long deny) {
        dsl.insertInto(CHANNEL_PERMISSION_OVERRIDES)
                .set(CHANNEL_PERMISSION_OVERRIDES.CHANNEL_ID, channel)
                .set(CHANNEL_PERMISSION_OVERRIDES.GUILD_ID, guild)
                .set(CHANNEL_PERMISSION_OVERRIDES.TARGET_KIND, "role")
                .set(CHANNEL_PERMISSION_OVERRIDES.TARGET_ID, target)
                .set(CHANNEL_PERMISSION_OVERRIDES.ALLOW_MASK, allow)
                .set(CHANNEL_PERMISSION_OVERRIDES.DENY_MASK, deny)
                .set(CHANNEL_PERMISSION_OVERRIDES.UPDATED_AT, Rows.now())
                .execute();
    }

    private static void insertSession(DSLContext dsl, String user, byte[] hash) {
        dsl.insertInto(SESSIONS)
                .set(SESSIONS.SESSION_ID, Rows.id()).set(SESSIONS.USER_ID, user)
                .set(SESSIONS.REFRESH_TOKEN_HASH, hash).set(SESSIONS.CREATED_AT, Rows.now())
                .set(SESSIONS.EXPIRES_AT, Rows.now().plusDays(30)).execute();
    }

    private static void insertOutbox(DSLContext dsl, String guild, String op, String messageId) {
        dsl.insertInto(SEARCH_OUTBOX)
                .set(SEARCH_OUTBOX.GUILD_ID, guild).set(SEARCH_OUTBOX.OP, op)
                .set(SEARCH_OUTBOX.MESSAGE_ID, messageId)
                .set(SEARCH_OUTBOX.ENQUEUED_AT, Rows.now()).set(SEARCH_OUTBOX.NEXT_ATTEMPT_AT, Rows.now())
                .execute();
    }
}
