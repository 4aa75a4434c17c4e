package dev.filament.application.shared;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a cursor list (SPEC 1.9): the rows and the {@code next_cursor}, which is the key of the last row when
 * the page holds exactly {@code limit} rows, else absent ({@code null} on the wire).
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> key) {
        Optional<String> next = rows.size() == limit && !rows.isEmpty()
                ? Optional.of(key.apply(rows.get(rows.size() - 1)))
                : Optional.empty();
        return new Page<>(rows, next);
    }
}
