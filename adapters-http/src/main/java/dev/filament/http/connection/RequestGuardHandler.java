package dev.filament.http.connection;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The outermost request handler (SPEC 2.1, before step 1): refuses methods the server does not support (405, e.g.
 * {@code CONNECT} or an unknown token) and request URIs over 8 KiB (414) before anything else runs. Jetty itself
 * already refuses a request head over the configured header size (414/431).
 */
public final class RequestGuardHandler extends Handler.Wrapper {
    static final int MAX_URI_BYTES = 8 * 1024;
    private static final Set<String> SUPPORTED =
            Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final Function<String, Optional<Set<String>>> allowedMethods;
    private final PreRoutingOutcomes outcomes;

    /** @param allowedMethods the routed methods of a path, for the {@code Allow} header of a 405 */
    public RequestGuardHandler(Function<String, Optional<Set<String>>> allowedMethods, PreRoutingOutcomes outcomes) {
        this.allowedMethods = allowedMethods;
        this.outcomes = outcomes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if (!SUPPORTED.contains(method)) {
            String path = request.getHttpURI().getPath();
            String allow = path == null ? "" : allowedMethods.apply(path).map(m -> String.join(", ", m)).orElse("");
            return refuse(request, response, callback, 405, Map.of("Allow", allow));
        }
        String target = request.getHttpURI().getPathQuery();
        if (target != null && target.length() > MAX_URI_BYTES) {
            return refuse(request, response, callback, 414, Map.of());
        }
        return super.handle(request, response, callback);
    }

    private boolean refuse(Request request, Response response, Callback callback, int status,
                           Map<String, String> headers) {
        outcomes.answered(request.getMethod(), status);
        JsonErrors.write(request, response, callback, status, headers);
        return true;
    }
}
