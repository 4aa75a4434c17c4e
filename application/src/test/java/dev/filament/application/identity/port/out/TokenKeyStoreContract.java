package dev.filament.application.identity.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.identity.TokenKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link TokenKeyStore} keeps: whoever asks first decides the key, everyone else gets that key. The
 * store may already hold a key from an earlier test or process, so the tests never assume it is empty.
 */
public abstract class TokenKeyStoreContract {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenKeyStore store;
    private UnitOfWork unitOfWork;

    protected abstract TokenKeyStore createStore();

    protected abstract UnitOfWork unitOfWork();

    @BeforeEach
    void setUpContract() {
        store = createStore();
        unitOfWork = unitOfWork();
    }

    protected static TokenKey randomKey() {
        byte[] bytes = new byte[TokenKey.LENGTH];
        RANDOM.nextBytes(bytes);
        return TokenKey.of(bytes);
    }

    protected TokenKey loadOrCreate(TokenKey candidate) {
        return unitOfWork.inTransaction(() -> store.loadOrCreate(candidate));
    }

    @Test
    void laterCandidatesNeverReplaceTheStoredKey() {
        TokenKey first = loadOrCreate(randomKey());
        TokenKey later = randomKey();
        TokenKey second = loadOrCreate(later);
        assertThat(second).isEqualTo(first).isNotEqualTo(later);
        assertThat(second.bytes()).hasSize(TokenKey.LENGTH);
    }

    @Test
    void concurrentFirstCallersAllGetTheSameKey() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TokenKey>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return loadOrCreate(randomKey());
                }));
            }
            start.countDown();
            TokenKey expected = results.get(0).get(10, TimeUnit.SECONDS);
            for (Future<TokenKey> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
