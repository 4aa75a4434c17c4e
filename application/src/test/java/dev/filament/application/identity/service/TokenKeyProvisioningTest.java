package dev.filament.application.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.identity.fakes.InMemoryTokenKeyStore;
import dev.filament.application.identity.fakes.SequenceRandomSource;
import dev.filament.domain.identity.TokenKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenKeyProvisioningTest {
    private final InMemoryTokenKeyStore store = new InMemoryTokenKeyStore();
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final SequenceRandomSource random = new SequenceRandomSource();

    @Test
    void givenConfiguredKey_resolve_usesItWithoutTouchingTheStore() {
        TokenKey configured = TokenKey.of(new byte[32]);
        TokenKeyProvisioning provisioning = new TokenKeyProvisioning(store, unitOfWork, random);
        assertThat(provisioning.resolve(Optional.of(configured))).isEqualTo(configured);
        assertThat(unitOfWork.transactions()).isZero();
    }

    @Test
    void withoutConfiguredKey_everyProcessResolvesTheFirstStoredKey() {
        TokenKey first = new TokenKeyProvisioning(store, unitOfWork, random).resolve(Optional.empty());
        TokenKey second = new TokenKeyProvisioning(store, unitOfWork, count -> {
            byte[] b = new byte[count];
            b[0] = 42; // a different candidate than the first process drew
            return b;
        }).resolve(Optional.empty());
        assertThat(second).isEqualTo(first);
        assertThat(first.bytes()).hasSize(32);
    }
}
