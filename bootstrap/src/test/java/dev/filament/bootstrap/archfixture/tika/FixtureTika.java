package dev.filament.bootstrap.archfixture.tika;

import dev.filament.bootstrap.archfixture.filesystem.FixtureFileSystem;

/** Fixture: a Tika adapter that sees the filesystem adapter (violates adapter isolation). */
public final class FixtureTika {
    public Object peer() {
        return FixtureFileSystem.class;
    }
}
