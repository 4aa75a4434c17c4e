package dev.filament.bootstrap.archfixture.micrometer;

import dev.filament.bootstrap.archfixture.crypto.FixtureHasher;

/** Fixture: a Micrometer adapter that sees the crypto adapter (violates adapter isolation). */
public final class FixtureMeters {
    public Object peer() {
        return FixtureHasher.class;
    }
}
