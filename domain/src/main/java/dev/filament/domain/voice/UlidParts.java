package dev.filament.domain.voice;

import dev.filament.domain.id.Ulid;
import java.util.Optional;

/** Parsing helper: names we generate carry upper-case ULIDs, so anything else is not ours. */
final class UlidParts {
    private UlidParts() {
    }

    static Optional<String> exact(String part) {
        return Ulid.parse(part).filter(part::equals);
    }
}
