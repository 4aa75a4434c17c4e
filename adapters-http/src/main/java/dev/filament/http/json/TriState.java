package dev.filament.http.json;

import java.util.Optional;

/** A field that can be absent (keep), cleared ({@code null}) or set. */
public record TriState<T>(boolean present, Optional<T> value) {

    public static <T> TriState<T> absent() {
        return new TriState<>(false, Optional.empty());
    }

    public static <T> TriState<T> cleared() {
        return new TriState<>(true, Optional.empty());
    }

    public static <T> TriState<T> of(T value) {
        return new TriState<>(true, Optional.of(value));
    }
}
