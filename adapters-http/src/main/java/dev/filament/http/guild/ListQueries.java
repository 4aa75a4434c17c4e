package dev.filament.http.guild;

import dev.filament.http.routes.QueryParams;
import io.javalin.http.Context;
import java.util.OptionalInt;

/**
 * Route step 4 (SPEC 1.5, 1.10): strict query strings. Routes without a documented query still refuse any parameter;
 * {@code limit} must be a plain non-negative integer here, its range is the use case's (both 400).
 */
final class ListQueries {
    private ListQueries() {
    }

    /** For routes without query parameters: any parameter is unknown (400). */
    static void none(Context ctx) {
        QueryParams.of(ctx);
    }

    static OptionalInt limit(QueryParams query) {
        return query.string("limit").isPresent()
                ? OptionalInt.of(query.intInRange("limit", 0, 0, Integer.MAX_VALUE))
                : OptionalInt.empty();
    }
}
