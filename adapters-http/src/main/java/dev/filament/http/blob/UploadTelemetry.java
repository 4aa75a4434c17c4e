package dev.filament.http.blob;

import dev.filament.application.blob.port.in.UploadRejectedException;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.http.error.BodyReadFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines and counters of a raw-body upload (SPEC 14.1 {@code upload.completed} / {@code upload.rejected}, 14.2
 * {@code filament_uploads_total{kind,outcome}}, {@code filament_upload_bytes_total{kind}}). Never logs a file name or
 * content. Wraps the upload call: the outcome is derived from its result or from the error it throws (rethrown).
 */
public final class UploadTelemetry {
    private static final Logger LOG = LoggerFactory.getLogger(UploadTelemetry.class);

    private final MeterRegistry meters;

    public UploadTelemetry(MeterRegistry meters) {
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /** What a successful upload stored. */
    public record Stored(long sizeBytes, String mimeType) {
    }

    /** Runs {@code upload} of {@code kind} ({@code attachment}, {@code avatar}, {@code banner}), reporting it. */
    public <T> T record(String kind, Supplier<T> upload, Function<T, Stored> stored) {
        long start = System.nanoTime();
        T result;
        try {
            result = upload.get();
        } catch (RuntimeException e) {
            String outcome = outcome(e);
            count(kind, outcome);
            LOG.atInfo().addKeyValue("event", "upload.rejected").addKeyValue("kind", kind)
                    .addKeyValue("reason", outcome).addKeyValue("duration_ms", millisSince(start))
                    .log("upload rejected");
            throw e;
        }
        Stored s = stored.apply(result);
        count(kind, "ok");
        Counter.builder("filament.upload.bytes").tag("kind", kind).register(meters).increment(s.sizeBytes());
        LOG.atInfo().addKeyValue("event", "upload.completed").addKeyValue("kind", kind)
                .addKeyValue("size_bytes", s.sizeBytes()).addKeyValue("mime_type", s.mimeType())
                .addKeyValue("duration_ms", millisSince(start)).log("upload completed");
        return result;
    }

    /** The 14.2 outcome of a failed upload. */
    static String outcome(RuntimeException e) {
        return switch (e) {
            case UploadRejectedException r -> r.kind() == UploadRejectedException.Kind.TOO_LARGE
                    ? "too_large" : "type_refused";
            case ConflictException c when ConflictException.QUOTA_EXCEEDED.equals(c.code()) -> "quota";
            case InvalidRequestException i when "empty upload".equals(i.getMessage()) -> "empty";
            case InvalidRequestException i when i.getMessage() != null
                    && i.getMessage().startsWith("declared type incompatible") -> "type_mismatch";
            case InvalidRequestException i -> "invalid";
            case BodyReadFailure b -> b.idleTimeout() ? "timeout" : "aborted";
            default -> "error";
        };
    }

    private void count(String kind, String outcome) {
        Counter.builder("filament.uploads").tags("kind", kind, "outcome", outcome).register(meters).increment();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
