package dev.filament.http.routes;

import dev.filament.domain.error.InvalidRequestException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Strict query strings (SPEC 1.5): unknown or repeated parameters and unparsable values are 400. */
public final class QueryParams {
    private final Map<String, List<String>> params;

    private QueryParams(Map<String, List<String>> params) {
        this.params = params;
    }

    /** Reads the query string, allowing only {@code allowed} names, each at most once. */
    public static QueryParams of(Context ctx, String... allowed) {
        Map<String, List<String>> all = ctx.queryParamMap();
        Set<String> names = Set.of(allowed);
        for (Map.Entry<String, List<String>> e : all.entrySet()) {
            if (!names.contains(e.getKey())) {
                throw new InvalidRequestException("unknown query parameter");
            }
            if (e.getValue().size() > 1) {
                throw new InvalidRequestException("repeated query parameter " + e.getKey());
            }
        }
        return new QueryParams(all);
    }

    public Optional<String> string(String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** An integer in [min, max]; {@code fallback} when absent; 400 when unparsable or out of range. */
    public int intInRange(String name, int fallback, int min, int max) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        String s = raw.get();
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidRequestException(name + " must be an integer");
        }
        long v = Long.parseLong(s);
        if (v < min || v > max) {
            throw new InvalidRequestException(name + " out of range");
        }
        return (int) v;
    }
}
