package dev.filament.http.edge;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The body limit of SPEC 2.4, chosen per route by method and path template: the raw-body upload routes register their
 * fixed cap (which replaces the default, also when larger); every other request gets {@code FILAMENT_MAX_BODY_BYTES}.
 * Routes register while the server is built; lookups are lock-free.
 */
public final class RouteBodyLimits {
    private final long defaultLimit;
    private final List<Entry> uploads = new CopyOnWriteArrayList<>();

    private record Entry(String method, String template, Pattern path, long limit) {
    }

    public RouteBodyLimits(long defaultLimit) {
        if (defaultLimit < 1) {
            throw new IllegalArgumentException("defaultLimit must be >= 1");
        }
        this.defaultLimit = defaultLimit;
    }

    /** Declares {@code METHOD template} a raw-body upload route whose body limit is {@code limit}. */
    public void registerUpload(String method, String template, long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        uploads.add(new Entry(method.toUpperCase(Locale.ROOT), template, templatePattern(template), limit));
    }

    /** The limit for a concrete request. */
    public long limitFor(String method, String path) {
        for (Entry e : uploads) {
            if (e.method().equalsIgnoreCase(method) && e.path().matcher(path).matches()) {
                return e.limit();
            }
        }
        return defaultLimit;
    }

    /** Whether {@code METHOD template} (as registered with the router) is an upload route. */
    public boolean isUpload(String method, String template) {
        for (Entry e : uploads) {
            if (e.method().equalsIgnoreCase(method) && e.template().equals(template)) {
                return true;
            }
        }
        return false;
    }

    public long defaultLimit() {
        return defaultLimit;
    }

    /** The regex of a path template: each {@code {name}} segment matches one non-empty segment. */
    public static Pattern templatePattern(String template) {
        StringBuilder re = new StringBuilder("^");
        for (String part : template.split("/", -1)) {
            if (re.length() > 1) {
                re.append('/');
            }
            re.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(re.append('$').toString());
    }
}
