package dev.filament.bootstrap.archfixture.livekit;

import dev.filament.bootstrap.archfixture.micrometer.FixtureMeters;

/** Fixture: a LiveKit adapter that sees the Micrometer adapter (violates adapter isolation). */
public final class FixtureLiveKit {
    public Object peer() {
        return FixtureMeters.class;
    }
}
