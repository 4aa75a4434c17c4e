package dev.filament.application.identity.port.out;

import dev.filament.domain.identity.Password;
import dev.filament.domain.identity.PasswordHash;

/**
 * Out-port: password hashing (Argon2id, SPEC 4.1). {@link #hash} and {@link #verify} are blocking CPU work of tens of
 * milliseconds: callers go through {@link dev.filament.application.identity.HashingPool}, never call them on a request
 * thread directly, and never while holding a database connection. Thread-safe.
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
