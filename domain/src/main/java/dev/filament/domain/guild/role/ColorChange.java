package dev.filament.domain.guild.role;

import java.util.Objects;
import java.util.Optional;

/** The tri-state {@code color_hex} of a role PATCH (SPEC 5.9): absent keeps, {@code null} clears, a value sets. */
public sealed interface ColorChange permits ColorChange.Keep, ColorChange.Clear, ColorChange.SetTo {

    ColorChange KEEP = new Keep();
    ColorChange CLEAR = new Clear();

    static ColorChange setTo(ColorHex color) {
        return new SetTo(color);
    }

    /** The colour after applying this change to {@code current}. */
    Optional<ColorHex> applyTo(Optional<ColorHex> current);

    record Keep() implements ColorChange {
        @Override
        public Optional<ColorHex> applyTo(Optional<ColorHex> current) {
            return current;
        }
    }

    record Clear() implements ColorChange {
        @Override
        public Optional<ColorHex> applyTo(Optional<ColorHex> current) {
            return Optional.empty();
        }
    }

    record SetTo(ColorHex color) implements ColorChange {
        public SetTo {
            Objects.requireNonNull(color, "color");
        }

        @Override
        public Optional<ColorHex> applyTo(Optional<ColorHex> current) {
            return Optional.of(color);
        }
    }
}
