package dev.filament.application.guild.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The time the guild services write: now in whole seconds, the resolution of every stored time (SPEC 12). */
public final class StoredTime {
    private StoredTime() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
