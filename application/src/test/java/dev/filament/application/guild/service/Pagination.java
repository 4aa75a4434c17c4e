package dev.filament.application.guild.service;

import dev.filament.application.shared.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** Test helper: walks a cursor list to its end (SPEC 1.9) and returns every row in page order. */
public final class Pagination {
    private Pagination() {
    }

    public static <T> List<T> walk(int limit, BiFunction<Optional<String>, Integer, Page<T>> fetch) {
        List<T> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        for (int pages = 0; pages < 10_000; pages++) {
            Page<T> page = fetch.apply(cursor, limit);
            if (page.items().size() > limit) {
                throw new AssertionError("page larger than limit");
            }
            all.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                return all;
            }
            if (page.items().size() != limit) {
                throw new AssertionError("next_cursor on a short page");
            }
            cursor = page.nextCursor();
        }
        throw new AssertionError("pagination did not end");
    }
}
