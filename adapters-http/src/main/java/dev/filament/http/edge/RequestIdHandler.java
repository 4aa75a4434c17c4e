package dev.filament.http.edge;

import dev.filament.http.RequestAttributes;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** Edge step 1: accept a well-formed client X-Request-Id or generate a UUID; echo it and bind it to the log context. */
public final class RequestIdHandler implements Handler {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

    @Override
    public void handle(Context ctx) {
        RequestAttributes.markStarted(ctx, System.nanoTime());
        String offered = ctx.header(HEADER);
        String id = offered != null && VALID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        RequestAttributes.setRequestId(ctx, id);
        MDC.put(MDC_KEY, id);
        ctx.header(HEADER, id);
        ctx.header("Cache-Control", "no-store");
    }

    /** True when a client-supplied id may be echoed (SPEC 1.8). */
    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
