package dev.filament.application.identity.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.identity.fakes.InMemoryTokenKeyStore;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.identity.TokenKey;
import org.junit.jupiter.api.Test;

class InMemoryTokenKeyStoreTest extends TokenKeyStoreContract {
    private final UnitOfWork unitOfWork = new InMemoryUnitOfWork();

    @Override
    protected TokenKeyStore createStore() {
        return new InMemoryTokenKeyStore();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Test
    void givenEmptyStore_loadOrCreate_storesTheCandidate() {
        TokenKey candidate = randomKey();
        assertThat(loadOrCreate(candidate)).isEqualTo(candidate);
    }
}
