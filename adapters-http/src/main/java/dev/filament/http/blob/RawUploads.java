package dev.filament.http.blob;

import dev.filament.application.blob.port.in.DeclaredType;
import dev.filament.application.blob.port.in.UploadBodyFailure;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP side of a raw-body upload route (SPEC 8.7), registered with {@code Router.postUpload}: the declared type
 * (step 1: 400 malformed, 415 refused, before any body byte is read) and the body as a stream, never buffered. The
 * stream reads straight from the request; a read that gets no byte for {@link #BODY_IDLE} fails with
 * {@link UploadBodyFailure} (408), a broken-off body likewise (400). Errors of the pipeline
 * ({@code UploadRejectedException}: 413 with {@code Connection: close}, 415) are mapped by the one error mapper.
 */
public final class RawUploads {
    /** SPEC 2.2: an upload body read fails with 408 when no byte arrives for 15 s. */
    public static final Duration BODY_IDLE = Duration.ofSeconds(15);

    private RawUploads() {
    }

    /** Step 1 of 8.7 on the request's {@code Content-Type}. */
    public static DeclaredType declaredType(Context ctx) {
        return DeclaredType.parse(ctx.header("Content-Type"));
    }

    /**
     * The request body as a stream for the upload pipeline. Sets the connection's idle bound to {@link #BODY_IDLE}
     * (it stays so for the rest of a kept-alive connection, which only makes an idle keep-alive close sooner).
     * Closing the returned stream does nothing: the server owns the request stream.
     */
    public static InputStream body(Context ctx) {
        return body(ctx, BODY_IDLE);
    }

    /** {@link #body(Context)} with another idle bound (tests; routes use the SPEC's 15 s). */
    public static InputStream body(Context ctx, java.time.Duration idle) {
        try {
            ConnectionIdle.bound(ctx, idle);
            return new BodyStream(ctx.req().getInputStream());
        } catch (IOException e) {
            throw new UploadBodyFailure(false, e);
        }
    }

    /** Translates read failures into {@link UploadBodyFailure}; never closes the servlet stream early. */
    private static final class BodyStream extends InputStream {
        private final InputStream in;

        BodyStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            try {
                return in.read(b, off, len);
            } catch (IOException | UncheckedIOException e) {
                throw new UploadBodyFailure(causedByTimeout(e), e);
            }
        }

        private static boolean causedByTimeout(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            // the servlet container owns the request stream
        }
    }
}
