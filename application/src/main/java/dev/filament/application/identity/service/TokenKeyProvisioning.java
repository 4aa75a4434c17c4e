package dev.filament.application.identity.service;

import dev.filament.application.identity.port.out.RandomSource;
import dev.filament.application.identity.port.out.TokenKeyStore;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.identity.TokenKey;
import java.util.Optional;

/** Startup step: picks the token key, the configured one or else the one shared through the database (SPEC 4.2). */
public final class TokenKeyProvisioning {
    private final TokenKeyStore store;
    private final UnitOfWork unitOfWork;
    private final RandomSource random;

    public TokenKeyProvisioning(TokenKeyStore store, UnitOfWork unitOfWork, RandomSource random) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.random = random;
    }

    /** {@code configured} when present (FILAMENT_TOKEN_KEY), else the stored key, created on first start. */
    public TokenKey resolve(Optional<TokenKey> configured) {
        return configured.orElseGet(() -> {
            TokenKey candidate = TokenKey.of(random.nextBytes(TokenKey.LENGTH));
            return unitOfWork.inTransaction(() -> store.loadOrCreate(candidate));
        });
    }
}
