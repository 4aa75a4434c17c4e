package dev.filament.application.identity.fakes;

import dev.filament.application.identity.port.out.TokenKeyStore;
import dev.filament.domain.identity.TokenKey;
import java.util.concurrent.atomic.AtomicReference;

/** Fake {@link TokenKeyStore}: one slot, first writer wins. */
public final class InMemoryTokenKeyStore implements TokenKeyStore {
    private final AtomicReference<TokenKey> stored = new AtomicReference<>();

    @Override
    public TokenKey loadOrCreate(TokenKey candidate) {
        stored.compareAndSet(null, candidate);
        return stored.get();
    }
}
