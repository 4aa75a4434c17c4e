package dev.filament.bootstrap.archfixture.realtime;

import dev.filament.bootstrap.archfixture.http.FixtureRoutes;

/** Fixture: a realtime adapter that sees the HTTP adapter (violates adapter isolation). */
public final class FixtureRealtime {
    public Object peer() {
        return new FixtureRoutes();
    }
}
