package dev.filament.http.connection;

import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The Jetty error handler: every error Jetty produces itself (malformed request line, URI or headers too large,
 * missing Host, conflicting framing) is answered with the JSON body of SPEC 1.7 instead of Jetty's HTML page, and is
 * reported to the access log and request metrics.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private final PreRoutingOutcomes outcomes;

    public JsonErrorHandler(PreRoutingOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer s ? s : response.getStatus();
        outcomes.answered(request.getMethod(), JsonErrors.status(status));
        JsonErrors.write(request, response, callback, status, Map.of());
        return true;
    }
}
