package dev.filament.bootstrap.archfixture.filesystem;

import dev.filament.bootstrap.archfixture.tika.FixtureTika;

/** Fixture: a filesystem adapter that sees the Tika adapter (violates adapter isolation). */
public final class FixtureFileSystem {
    public Object peer() {
        return FixtureTika.class;
    }
}
