package dev.filament.application.blob.service;

import dev.filament.application.blob.port.in.DeclaredType;
import dev.filament.application.blob.port.in.UploadPolicy;
import dev.filament.application.blob.port.in.UploadRejectedException;
import dev.filament.application.blob.port.out.MimeSniffer;
import dev.filament.application.blob.port.out.SniffedType;
import dev.filament.application.blob.port.out.UploadOutcome;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The request body as the blob store reads it (SPEC 8.7 steps 2-4). Passes bytes through unchanged while it counts
 * them against the cap (413 at the first byte beyond it) and the quota (409), keeps only the first 8192 bytes, sniffs
 * them as soon as they have arrived (or at the end of a shorter body) and refuses a type outside the allowlist (415)
 * at once. At the end it refuses an empty body and a declared type incompatible with the sniffed one (400) before
 * answering end-of-stream, so the store never commits a refused upload. Never reads more from the request than the
 * caller asked for, plus at most one byte to detect the cap.
 */
final class UploadStream extends InputStream {
    static final int SNIFF_WINDOW = 8192;

    private final InputStream body;
    private final MimeSniffer sniffer;
    private final DeclaredType declared;
    private final UploadPolicy policy;
    private final long quotaRemaining;
    private final byte[] head = new byte[SNIFF_WINDOW];
    private int headLength;
    private long total;
    private SniffedType sniffed;
    private boolean finished;
    private UploadOutcome refusal;

    UploadStream(InputStream body, MimeSniffer sniffer, DeclaredType declared, UploadPolicy policy,
                 long quotaRemaining) {
        this.body = Objects.requireNonNull(body, "body");
        this.sniffer = Objects.requireNonNull(sniffer, "sniffer");
        this.declared = Objects.requireNonNull(declared, "declared");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.quotaRemaining = quotaRemaining;
    }

    /** The sniffed type once the body was read to its end. */
    SniffedType sniffed() {
        if (!finished) {
            throw new IllegalStateException("the body was not read to its end");
        }
        return sniffed;
    }

    /** The bytes read so far. */
    long bytesRead() {
        return total;
    }

    /** Why the end of the body was refused (empty, or declared type incompatible), if it was. */
    UploadOutcome refusal() {
        return refusal;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (finished) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        long allowed = Math.min(policy.capBytes(), quotaRemaining) - total + 1; // one byte more detects the excess
        int n = body.read(buffer, offset, (int) Math.min(length, Math.max(1, allowed)));
        if (n < 0) {
            finish();
            return -1;
        }
        total += n;
        if (total > policy.capBytes()) {
            throw UploadRejectedException.tooLarge();
        }
        if (total > quotaRemaining) {
            throw ConflictException.quotaExceeded("attachment");
        }
        keepHead(buffer, offset, n);
        return n;
    }

    private void keepHead(byte[] buffer, int offset, int n) {
        if (sniffed != null) {
            return;
        }
        int copy = Math.min(n, SNIFF_WINDOW - headLength);
        System.arraycopy(buffer, offset, head, headLength, copy);
        headLength += copy;
        if (headLength == SNIFF_WINDOW) {
            sniff(false);
        }
    }

    private void finish() {
        if (total == 0) {
            refusal = UploadOutcome.EMPTY;
            throw new InvalidRequestException("empty upload");
        }
        if (sniffed == null) {
            sniff(true);
        }
        if (declared.essence().isPresent() && !sniffed.accepts(declared.essence().get())) {
            refusal = UploadOutcome.TYPE_MISMATCH;
            throw new InvalidRequestException("declared type incompatible with the content");
        }
        finished = true;
    }

    private void sniff(boolean complete) {
        SniffedType type = sniffer.sniff(head, headLength, complete).orElse(null);
        if (type == null || !policy.allowlist().contains(type)) {
            throw UploadRejectedException.unsupportedType();
        }
        sniffed = type;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
