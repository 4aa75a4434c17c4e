package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.GUILDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.filament.application.guild.port.in.CreateGuildUseCase.CreateGuildCommand;
import dev.filament.application.guild.port.in.CreateGuildUseCase;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.DataSourceFactory;
import dev.filament.postgres.PostgresSettings;
import dev.filament.postgres.testing.LockWaits;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SPEC 5.7 / W2 on PostgreSQL: the user row lock serialises guild creation, so the cap of 5 holds under races. */
@ExtendWith(PostgresExtension.class)
class GuildCreationCapTest {
    private static final int ATTEMPTS = 8;

    private final PostgresGuildPorts ports;
    private final HikariDataSource dataSource;
    private final GuildPorts store;
    private final CreateGuildUseCase createGuild;

    /**
     * A pool of its own whose lock and statement bounds (9 s) outlast any queue of waiters here: the last of eight
     * racers waits through seven creations, which a loaded machine can stretch past the 2 s default.
     */
    GuildCreationCapTest(TestDatabase db) {
        PostgresSettings patient = db.settings(Duration.ofSeconds(5), Duration.ofSeconds(9), Duration.ofSeconds(9));
        dataSource = DataSourceFactory.create(patient, c -> c.setMaximumPoolSize(ATTEMPTS + 2));
        ports = new PostgresGuildPorts(dataSource, patient);
        store = ports.store();
        createGuild = new GuildWorld().useCases(store).createGuild();
    }

    @AfterEach
    void closePool() {
        dataSource.close();
    }

    @Test
    void eightConcurrentCreationsForOneUser_createExactlyFiveAndRefuseTheRestWithTheCapCode() throws Exception {
        UserId user = ports.user();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(ATTEMPTS);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                String name = "race " + i;
                outcomes.add(threads.submit(() -> {
                    start.await();
                    try {
                        createGuild.create(new CreateGuildCommand(user, name, Optional.empty()));
                        return "created";
                    } catch (ForbiddenException e) {
                        return e.code();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get(20, TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn("created"::equals).hasSize(5);
            assertThat(results).filteredOn(ForbiddenException.GUILD_CREATION_LIMIT_REACHED::equals).hasSize(3);
        } finally {
            threads.shutdownNow();
        }
        assertThat(ports.dsl().fetchCount(GUILDS, GUILDS.CREATED_BY_USER_ID.eq(user.value()))).isEqualTo(5);
    }

    @Test
    void whileOneTransactionHoldsTheUserRowLock_aSecondCapCheckWaitsAndThenSeesTheFirstGuild() throws Exception {
        UserId user = ports.user();
        AtomicInteger secondPid = new AtomicInteger();
        try (HoldOpen first = new HoldOpen()) {
            Future<Integer> a = first.start(() -> store.tx(() -> {
                store.users().lock(user);
                int before = store.guilds().countCreatedBy(user);
                ports.insertGuild(store, user, "held");
                first.holdHere();
                return before;
            }));
            first.awaitHolding();
            Future<Integer> b = first.startOther(() -> store.tx(() -> {
                secondPid.set(LockWaits.backendPid(ports.dsl()));
                store.users().lock(user);
                return store.guilds().countCreatedBy(user);
            }));
            LockWaits.awaitBlockedOnLock(dataSource, secondPid);
            first.release();
            assertThat(HoldOpen.result(a)).isZero();
            assertThat(HoldOpen.result(b)).isEqualTo(1);
        }
    }
}
