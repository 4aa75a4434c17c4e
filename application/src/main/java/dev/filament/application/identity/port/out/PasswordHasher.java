package dev.filament.application.identity.port.out;

import dev.filament.domain.identity.Password;
import dev.filament.domain.identity.PasswordHash;

/**
 * Out-port: password hashing (Argon2id, SPEC 4.1). {@link #hash} and {@link #verify} are blocking CPU work of tens of
 * milliseconds: never call them while holding a database connection. The implementation the services receive bounds
 * how many hashes run at once and gives up with {@link dev.filament.domain.error.RequestTimeoutException} when the
 * caller's request budget ends (adapters-crypto runs the Argon2id hasher on a bounded pool). Thread-safe.
 */
public interface PasswordHasher {

    /** A new hash with a fresh random salt, in a self-describing string (PHC). */
    PasswordHash hash(Password password);

    /** Whether {@code password} matches {@code hash}; false (never an exception) for a malformed hash. */
    boolean verify(Password password, PasswordHash hash);

    /**
     * A hash with the production parameters computed once at startup; verifying against it costs what a real
     * verification costs, so an unknown username is not distinguishable by timing. Cheap to call.
     */
    PasswordHash dummyHash();
}
