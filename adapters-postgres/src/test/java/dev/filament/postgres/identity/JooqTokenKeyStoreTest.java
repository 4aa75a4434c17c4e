package dev.filament.postgres.identity;

import static dev.filament.postgres.jooq.Tables.SERVER_SECRETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.RequestBudget;
import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.application.identity.port.out.TokenKeyStore;
import dev.filament.application.identity.port.out.TokenKeyStoreContract;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.identity.TokenKey;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.testing.LockWaits;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class JooqTokenKeyStoreTest extends TokenKeyStoreContract {
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00.750Z"));
    private final DataSource dataSource;
    private final JooqUnitOfWork unitOfWork;

    JooqTokenKeyStoreTest(TestDatabase db) {
        dataSource = db.dataSource();
        unitOfWork = JooqUnitOfWork.create(dataSource, db.defaultSettings(), new RequestBudget());
    }

    @Override
    protected TokenKeyStore createStore() {
        return new JooqTokenKeyStore(unitOfWork, clock);
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Test
    void givenAFirstInsertNotYetCommitted_aConcurrentFirstStartWaitsAndAdoptsThatKey() throws Exception {
        JooqTokenKeyStore store = new JooqTokenKeyStore(unitOfWork, clock, freshRowName());
        TokenKey firstCandidate = randomKey();
        TokenKey secondCandidate = randomKey();
        AtomicInteger secondPid = new AtomicInteger();
        try (Concurrently run = new Concurrently()) {
            Future<TokenKey> first = run.start(() -> unitOfWork.inTransaction(() -> {
                TokenKey key = store.loadOrCreate(firstCandidate);
                run.holdOpen();
                return key;
            }));
            run.awaitFirstHolding();
            Future<TokenKey> second = run.start(() -> unitOfWork.inTransaction(() -> {
                secondPid.set(LockWaits.backendPid(unitOfWork.dsl()));
                return store.loadOrCreate(secondCandidate);
            }));
            LockWaits.awaitBlockedOnLock(dataSource, secondPid);
            run.releaseFirst();

            assertThat(Concurrently.result(first)).isEqualTo(firstCandidate);
            assertThat(Concurrently.result(second)).isEqualTo(firstCandidate);
        }
    }

    @Test
    void theFirstKeyIsStoredUnderItsRowNameWithAWholeSecondCreationTime() {
        String name = freshRowName();
        TokenKey candidate = randomKey();

        unitOfWork.inTransaction(() -> new JooqTokenKeyStore(unitOfWork, clock, name).loadOrCreate(candidate));

        var row = unitOfWork.dsl().selectFrom(SERVER_SECRETS).where(SERVER_SECRETS.NAME.eq(name)).fetchOne();
        assertThat(row).isNotNull();
        assertThat(row.getValue()).isEqualTo(candidate.bytes());
        assertThat(row.getCreatedAt().toInstant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }

    /** A row name of its own, so the test starts with no key stored even in the shared database. */
    private static String freshRowName() {
        return "test_token_key_" + UUID.randomUUID();
    }
}
