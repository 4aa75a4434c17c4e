package dev.filament.http.routes;

import dev.filament.http.edge.RouteBodyLimits;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Registers routes with Javalin and remembers each path template's methods, so a request for a known path with
 * another method answers 405 with {@code Allow} (SPEC 1.7/1.8) instead of 404.
 */
public final class Router {
    private final RoutesConfig routes;
    private final RouteBodyLimits bodyLimits;
    private final Map<String, Set<String>> methodsByTemplate = new LinkedHashMap<>();
    private final List<Map.Entry<Pattern, String>> matchers = new ArrayList<>();

    public Router(RoutesConfig routes) {
        this(routes, new RouteBodyLimits(Long.MAX_VALUE));
    }

    /** @param bodyLimits where {@link #postUpload} declares its route's body limit (the edge's body-limit step) */
    public Router(RoutesConfig routes, RouteBodyLimits bodyLimits) {
        this.routes = routes;
        this.bodyLimits = bodyLimits;
    }

    public Router get(String path, Handler handler) {
        return add("GET", path, handler);
    }

    public Router post(String path, Handler handler) {
        return add("POST", path, handler);
    }

    /**
     * A raw-body upload route (SPEC 2.4, 8.7): its body limit is {@code capBytes} instead of
     * {@code FILAMENT_MAX_BODY_BYTES} (a larger declared {@code Content-Length} is refused with 413 before
     * authentication), and it runs under the upload budget of SPEC 2.2 instead of the request budget. The handler reads
     * the body as a stream through {@code dev.filament.http.blob.RawUploads}; every other route keeps the default limit.
     */
    public Router postUpload(String path, long capBytes, Handler handler) {
        bodyLimits.registerUpload("POST", path, capBytes);
        return add("POST", path, handler);
    }

    public Router patch(String path, Handler handler) {
        return add("PATCH", path, handler);
    }

    public Router delete(String path, Handler handler) {
        return add("DELETE", path, handler);
    }

    private Router add(String type, String path, Handler handler) {
        switch (type) {
            case "GET" -> routes.get(path, handler);
            case "POST" -> routes.post(path, handler);
            case "PATCH" -> routes.patch(path, handler);
            case "DELETE" -> routes.delete(path, handler);
            default -> throw new IllegalArgumentException("unsupported method " + type);
        }
        if (!methodsByTemplate.containsKey(path)) {
            matchers.add(Map.entry(RouteBodyLimits.templatePattern(path), path));
        }
        methodsByTemplate.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(type);
        return this;
    }

    /** The methods routed for a concrete request path, when any template matches it. */
    public Optional<Set<String>> allowedMethods(String requestPath) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Map.Entry<Pattern, String> m : matchers) {
            if (m.getKey().matcher(requestPath).matches()) {
                allowed.addAll(methodsByTemplate.get(m.getValue()));
            }
        }
        return allowed.isEmpty() ? Optional.empty() : Optional.of(allowed);
    }

}
