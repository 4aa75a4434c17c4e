package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.USERS;

import dev.filament.application.shared.RequestBudget;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.GuildName;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SeededRoles;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The hooks of the guild port contracts over the shared test database: one {@link JooqUnitOfWork}, the adapters under
 * test, and prerequisite rows (users, IP observations) written with plain SQL through the same context.
 */
public final class PostgresGuildPorts {
    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    private final JooqUnitOfWork unitOfWork;
    private final TestIds ids = new TestIds();

    PostgresGuildPorts(TestDatabase db) {
        this(db.dataSource(), db.defaultSettings());
    }

    /** Over a pool of the test's own (with its own bounds). */
    PostgresGuildPorts(javax.sql.DataSource dataSource, dev.filament.postgres.PostgresSettings settings) {
        this.unitOfWork = JooqUnitOfWork.create(dataSource, settings, new RequestBudget());
    }

    JooqUnitOfWork unitOfWork() {
        return unitOfWork;
    }

    DSLContext dsl() {
        return unitOfWork.dsl();
    }

    GuildPorts store() {
        return over(unitOfWork);
    }

    /** Every PostgreSQL guild port joined to {@code unitOfWork}, as bootstrap's {@code GuildWiring} builds them. */
    public static GuildPorts over(JooqUnitOfWork unitOfWork) {
        return new GuildPorts(unitOfWork, new JooqGuildRepository(unitOfWork),
                new JooqChannelRepository(unitOfWork), new JooqRoleRepository(unitOfWork),
                new JooqMemberRepository(unitOfWork), new JooqBanRepository(unitOfWork),
                new JooqIpBanRepository(unitOfWork), new JooqIpObservationQuery(unitOfWork),
                new JooqAuditLog(unitOfWork), new JooqUserDirectory(unitOfWork), new JooqAccessLoader(unitOfWork));
    }

    TestIds ids() {
        return ids;
    }

    /** A guild owned by {@code owner} with its seeded roles, written in the caller's transaction (or its own). */
    Guild insertGuild(GuildPorts store, UserId owner, String name) {
        Guild guild = Guild.create(ids.newGuildId(), GuildName.of(name), Visibility.PRIVATE, owner, T0);
        List<Role> seeded = SeededRoles.ALL.stream().map(d -> Role.seed(d.key(), ids.newRoleId(), guild.id()))
                .toList();
        store.unitOfWork().run(() -> store.guilds().insertWithOwner(guild, seeded));
        return guild;
    }

    UserId user() {
        UserId user = ids.newUserId();
        dsl().insertInto(USERS)
                .set(USERS.USER_ID, user.value())
                .set(USERS.USERNAME, TestIds.uniqueUsername())
                .set(USERS.PASSWORD_HASH, "$argon2id$test")
                .set(USERS.CREATED_AT, Timestamps.stored(T0))
                .execute();
        return user;
    }

    /** Upserts on (user, network) as the login/join path does (SPEC 6.5): first_seen_at kept, last_seen_at moved. */
    void observe(IpObservation o) {
        dsl().execute("""
                insert into user_ip_observations (user_id, ip_network, first_seen_at, last_seen_at)
                values (?, cast(? as cidr), ?, ?)
                on conflict (user_id, ip_network) do update set last_seen_at = excluded.last_seen_at""",
                o.user().value(), o.network().toString(), Timestamps.stored(o.firstSeenAt()),
                Timestamps.stored(o.lastSeenAt()));
    }
}
