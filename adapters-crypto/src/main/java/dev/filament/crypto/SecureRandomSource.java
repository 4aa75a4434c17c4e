package dev.filament.crypto;

import dev.filament.application.identity.port.out.RandomSource;
import java.security.SecureRandom;

/** The production {@link RandomSource}: the JDK's default {@link SecureRandom} (non-blocking on Linux). */
public final class SecureRandomSource implements RandomSource {
    private final SecureRandom random = new SecureRandom();

    @Override
    public byte[] nextBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
