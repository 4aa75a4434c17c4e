package dev.filament.application.guild.port.out;

import dev.filament.application.identity.fakes.TestIds;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.GuildName;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SeededRoles;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the guild port contracts. A subclass supplies every port over the store under test ({@link GuildPorts},
 * joined to one unit of work) and hooks that create prerequisite rows the guild ports do not write (users, IP
 * observations). Tests use fresh ids and never assume empty tables, so they run against a shared database.
 */
public abstract class GuildPortContractSupport {
    protected static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    protected final TestIds ids = new TestIds();
    protected GuildPorts store;

    /** Every guild port over the store under test; called before each test. */
    protected abstract GuildPorts createStore();

    /** Inserts a user row and returns its id (a no-op registration for fakes without foreign keys). */
    protected abstract UserId createUser();

    /** Inserts or upserts a {@code user_ip_observations} row. */
    protected abstract void recordObservation(IpObservation observation);

    @BeforeEach
    void setUpGuildPortContract() {
        store = createStore();
    }

    protected <T> T tx(Supplier<T> work) {
        return store.unitOfWork().inTransaction(work);
    }

    protected void run(Runnable work) {
        store.unitOfWork().run(work);
    }

    /** A new guild with its seeded roles, owned by a new user, created at {@code at}. */
    protected Guild newGuild(Visibility visibility, String name, Instant at) {
        return newGuild(createUser(), visibility, name, at);
    }

    protected Guild newGuild(UserId owner, Visibility visibility, String name, Instant at) {
        Guild guild = Guild.create(ids.newGuildId(), GuildName.of(name), visibility, owner, at);
        List<Role> seeded = SeededRoles.ALL.stream().map(d -> Role.seed(d.key(), ids.newRoleId(), guild.id()))
                .toList();
        run(() -> store.guilds().insertWithOwner(guild, seeded));
        return guild;
    }

    protected Guild newGuild() {
        return newGuild(Visibility.PRIVATE, "g", T0);
    }

    protected Role seeded(Guild guild, SystemRoleKey key) {
        return tx(() -> store.roles().listOf(guild.id())).stream().filter(r -> r.is(key)).findFirst().orElseThrow();
    }

    protected UserId newMember(Guild guild) {
        UserId user = createUser();
        tx(() -> store.members().insertIfAbsent(guild.id(), user, T0));
        return user;
    }
}
