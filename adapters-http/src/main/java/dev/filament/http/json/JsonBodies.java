package dev.filament.http.json;

import dev.filament.http.error.PayloadTooLarge;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Reads a JSON route's body: 415 without a JSON content type, 413 when a body without a declared length grows past
 * the limit while read, 400 when malformed, then a schema reader.
 */
public final class JsonBodies {
    private final Json json;
    private final long maxBodyBytes;

    public JsonBodies(Json json, long maxBodyBytes) {
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    public JsonObjectReader object(Context ctx) {
        requireJsonContentType(ctx.header("Content-Type"));
        return JsonObjectReader.of(json.parse(readBounded(ctx)));
    }

    private byte[] readBounded(Context ctx) {
        if (ctx.req().getContentLengthLong() >= 0) {
            return ctx.bodyAsBytes(); // the body-limit edge handler already refused a larger declared length
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw new PayloadTooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void requireJsonContentType(String header) {
        if (header == null) {
            throw new UnsupportedMediaType();
        }
        int semi = header.indexOf(';');
        String type = (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json")) {
            throw new UnsupportedMediaType();
        }
    }
}
