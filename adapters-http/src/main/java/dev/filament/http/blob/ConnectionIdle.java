package dev.filament.http.blob;

import io.javalin.http.Context;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Sets the idle timeout of the request's Jetty connection: a blocked read or write that makes no progress for that
 * long fails and the connection is closed. Bounds an upload's body reads (15 s, SPEC 2.2) and a download's socket
 * writes (30 s). It stays in force for the rest of a kept-alive connection, which only closes an idle one sooner.
 */
final class ConnectionIdle {
    private ConnectionIdle() {
    }

    static void bound(Context ctx, Duration idle) {
        try {
            ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
                    .getEndPoint().setIdleTimeout(idle.toMillis());
        } catch (RuntimeException e) {
            // not on a Jetty connection (never in production): the budget and Jetty's default idle timeout remain
        }
    }
}
