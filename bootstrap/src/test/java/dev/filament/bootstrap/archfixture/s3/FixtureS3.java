package dev.filament.bootstrap.archfixture.s3;

import dev.filament.bootstrap.archfixture.filesystem.FixtureFileSystem;

/** Fixture: an S3 adapter that sees the filesystem adapter (violates adapter isolation). */
public final class FixtureS3 {
    public Object peer() {
        return FixtureFileSystem.class;
    }
}
