package dev.filament.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * A {@code GetObject} body cut to {@code length} bytes. Closed before the end of the HTTP body (a client that went
 * away, or a store that ignored {@code Range} and sent more), it aborts the connection instead of draining up to the
 * whole object to reuse it.
 */
final class ObjectStream extends FilterInputStream {
    private final ResponseInputStream<?> response;
    private final boolean bodyLonger;
    private long remaining;

    ObjectStream(ResponseInputStream<?> response, long length, boolean bodyLonger) {
        super(response);
        this.response = response;
        this.remaining = length;
        this.bodyLonger = bodyLonger;
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int b = in.read();
        if (b < 0) {
            throw shorterThanItsLength();
        }
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = remaining <= 0 ? -1 : in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0 && remaining > 0 && len > 0) {
            throw shorterThanItsLength();
        }
        remaining -= Math.max(n, 0);
        return n;
    }

    private static IOException shorterThanItsLength() {
        return new IOException("object body shorter than its length");
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, remaining));
        remaining -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(super.available(), remaining);
    }

    @Override
    public void close() throws IOException {
        if (remaining > 0 || bodyLonger) {
            response.abort();
        }
        super.close();
    }
}
