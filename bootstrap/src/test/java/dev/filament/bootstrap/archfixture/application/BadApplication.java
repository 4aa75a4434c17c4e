package dev.filament.bootstrap.archfixture.application;

import dev.filament.bootstrap.archfixture.postgres.FixtureRepository;

/** Fixture: an application class that reaches into an adapter (violates the application rule). */
public final class BadApplication {
    public Object repository() {
        return new FixtureRepository();
    }
}
