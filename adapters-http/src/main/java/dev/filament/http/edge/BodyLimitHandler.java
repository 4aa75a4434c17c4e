package dev.filament.http.edge;

import dev.filament.http.error.PayloadTooLarge;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** Edge step 5: a declared Content-Length above the limit is refused before any byte is read (SPEC 2.4). */
public final class BodyLimitHandler implements Handler {
    private final long maxBodyBytes;

    public BodyLimitHandler(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw new PayloadTooLarge();
        }
    }
}
