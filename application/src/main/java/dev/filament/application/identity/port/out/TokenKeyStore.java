package dev.filament.application.identity.port.out;

import dev.filament.domain.identity.TokenKey;

/**
 * Out-port: the shared token key (row {@code token_key} of {@code server_secrets}, SPEC 4.2). Runs inside the caller's
 * transaction; called once at startup.
 */
public interface TokenKeyStore {

    /**
     * Inserts {@code candidate} when no key is stored (doing nothing on conflict), then reads and returns the stored
     * key. Every process therefore ends up with the key of whichever process inserted first.
     */
    TokenKey loadOrCreate(TokenKey candidate);
}
