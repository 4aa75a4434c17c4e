package dev.filament.application.identity.port.out;

/** Out-port: cryptographically strong random bytes for secrets. Never blocks for long; thread-safe. */
public interface RandomSource {

    /** {@code count} fresh random bytes. */
    byte[] nextBytes(int count);
}
