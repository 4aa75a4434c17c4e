package dev.filament.domain.voice;

import java.util.Objects;
import java.util.Optional;

/**
 * Value: the participant flags one change altered, with their new values; absent = unchanged. Becomes the
 * {@code updated_fields} of {@code voice_participant_update} (SPEC 9.5), which holds only changed keys.
 */
public record FlagChanges(Optional<Boolean> muted, Optional<Boolean> deafened, Optional<Boolean> speaking,
                          Optional<Boolean> videoEnabled, Optional<Boolean> screenShareEnabled) {
    public static final FlagChanges NONE =
            new FlagChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public FlagChanges {
        Objects.requireNonNull(muted, "muted");
        Objects.requireNonNull(deafened, "deafened");
        Objects.requireNonNull(speaking, "speaking");
        Objects.requireNonNull(videoEnabled, "videoEnabled");
        Objects.requireNonNull(screenShareEnabled, "screenShareEnabled");
    }

    public boolean isEmpty() {
        return this.equals(NONE);
    }

    /** The new value when it differs from the old one, else empty. */
    static Optional<Boolean> diff(boolean before, boolean after) {
        return before == after ? Optional.empty() : Optional.of(after);
    }
}
