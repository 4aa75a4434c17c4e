package dev.filament.crypto;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import dev.filament.application.identity.port.out.PasswordHasher;
import dev.filament.domain.identity.Password;
import dev.filament.domain.identity.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * {@link PasswordHasher} with password4j's Argon2id: v19, m = 19456 KiB, t = 2, p = 1, 16-byte salt, 32-byte hash,
 * stored as a standard PHC string (SPEC 4.1). Verification reads the parameters from the stored string, so hashes
 * written by other standard Argon2 implementations (or with older parameters) still verify. Thread-safe; blocking CPU.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
    static final int MEMORY_KIB = 19456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private final Argon2Function argon2 = Argon2Function.getInstance(
            MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
    private final SecureRandom random;
    private final PasswordHash dummy;

    /** Computes the dummy hash (one full Argon2 run) before returning. */
    public Argon2PasswordHasher() {
        this(new SecureRandom());
    }

    Argon2PasswordHasher(SecureRandom random) {
        this.random = random;
        byte[] unguessable = new byte[32];
        random.nextBytes(unguessable);
        this.dummy = hash(unguessable);
    }

    @Override
    public PasswordHash hash(Password password) {
        return hash(utf8(password));
    }

    private PasswordHash hash(byte[] plain) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(argon2.hash(plain, salt).getResult());
    }

    @Override
    public boolean verify(Password password, PasswordHash hash) {
        String phc = hash.value();
        if (!phc.startsWith("$argon2")) {
            return false;
        }
        try {
            return Argon2Function.getInstanceFromHash(phc).check(utf8(password), phc.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException malformed) {
            // A stored hash that does not parse can never match; the caller treats it like a wrong password.
            return false;
        }
    }

    @Override
    public PasswordHash dummyHash() {
        return dummy;
    }

    private static byte[] utf8(Password password) {
        return password.value().getBytes(StandardCharsets.UTF_8);
    }
}
