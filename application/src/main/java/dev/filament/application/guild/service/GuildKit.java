package dev.filament.application.guild.service;

import dev.filament.domain.id.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What every guild service uses: the store, the access ladder, the audit writer, the post-commit hand-offs, ids, the
 * clock and the settings. One immutable value so service constructors stay short; built once by the wiring.
 */
public record GuildKit(GuildStore store, AccessLadder ladder, Audits audits, HandOffs handOffs, IdGenerator ids,
                       Clock clock, GuildSettings settings) {
    public GuildKit {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(audits, "audits");
        Objects.requireNonNull(handOffs, "handOffs");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
    }

    /** Now in whole seconds, the resolution of every stored time (SPEC 12). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
