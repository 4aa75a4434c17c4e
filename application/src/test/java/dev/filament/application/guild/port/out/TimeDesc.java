package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.TimeCursor;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** Helper of the fakes: the {@code (created_at DESC, id DESC)} order and its exclusive cursor (SPEC 1.9). */
final class TimeDesc {
    private TimeDesc() {
    }

    static <T> List<T> page(Stream<T> rows, Function<T, Instant> time, Function<T, String> id,
                            Optional<TimeCursor> after, int limit) {
        Comparator<T> order = Comparator.comparing((T t) -> time.apply(t).getEpochSecond())
                .thenComparing(id).reversed();
        return rows.filter(r -> after.map(c -> isAfter(time.apply(r).getEpochSecond(), id.apply(r), c)).orElse(true))
                .sorted(order).limit(limit).toList();
    }

    private static boolean isAfter(long t, String id, TimeCursor c) {
        return t < c.createdAtUnix() || (t == c.createdAtUnix() && id.compareTo(c.id()) < 0);
    }
}
