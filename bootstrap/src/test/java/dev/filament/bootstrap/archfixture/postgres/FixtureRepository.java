package dev.filament.bootstrap.archfixture.postgres;

import dev.filament.bootstrap.archfixture.realtime.FixtureRealtime;

/** Fixture: a persistence adapter that sees the realtime adapter (violates adapter isolation). */
public final class FixtureRepository {
    public Object peer() {
        return new FixtureRealtime();
    }
}
