package dev.filament.s3;

import java.time.Duration;

/**
 * The outbound bounds of SPEC 17.7 and 2.2.
 *
 * @param connect  TCP (and TLS) connect: 2 s
 * @param progress a request without progress (no byte read) fails: 5 s; also the bound of opening a read (no first
 *                 byte within it → 503 before the headers) and of a delete
 * @param put      one {@code PutObject} at most: 60 s
 * @param check    {@code HeadBucket} for readiness: 1 s
 */
public record S3Bounds(Duration connect, Duration progress, Duration put, Duration check) {

    public static S3Bounds defaults() {
        return new S3Bounds(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofSeconds(1));
    }
}
