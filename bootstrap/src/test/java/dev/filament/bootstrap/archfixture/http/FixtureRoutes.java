package dev.filament.bootstrap.archfixture.http;

import dev.filament.bootstrap.archfixture.postgres.FixtureRepository;

/** Fixture: an HTTP adapter that sees the persistence adapter (violates adapter isolation). */
public final class FixtureRoutes {
    public Object peer() {
        return FixtureRepository.class;
    }
}
