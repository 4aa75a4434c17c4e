package dev.filament.bootstrap.archfixture.redis;

import dev.filament.bootstrap.archfixture.realtime.FixtureRealtime;

/** Fixture: a Redis adapter that sees the realtime adapter (violates adapter isolation). */
public final class FixtureRedis {
    public Object peer() {
        return FixtureRealtime.class;
    }
}
