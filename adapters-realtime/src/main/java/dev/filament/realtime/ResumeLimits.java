package dev.filament.realtime;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of SPEC 9.11 and the outbound frame cap of SPEC 9.3: replay buffer per gateway session (frames and
 * serialized bytes), how long a detached session is kept, how many detached sessions one process keeps, and the
 * largest frame sent to a connection.
 */
public record ResumeLimits(int replayMaxFrames, long replayMaxBytes, Duration detachedTtl, int maxDetached,
        int maxFrameBytes) {

    public ResumeLimits {
        Objects.requireNonNull(detachedTtl, "detachedTtl");
        if (replayMaxFrames <= 0 || replayMaxBytes <= 0 || maxDetached <= 0 || maxFrameBytes <= 0
                || detachedTtl.isNegative() || detachedTtl.isZero()) {
            throw new IllegalArgumentException("resume limits must be positive");
        }
    }

    /** SPEC values: 512 frames and 524288 bytes per session, 60 s detached, 4096 detached sessions, 65536-byte frames. */
    public static ResumeLimits defaults() {
        return new ResumeLimits(512, 524_288L, Duration.ofSeconds(60), 4096, 65_536);
    }

    public ResumeLimits withReplay(int frames, long bytes) {
        return new ResumeLimits(frames, bytes, detachedTtl, maxDetached, maxFrameBytes);
    }

    public ResumeLimits withDetachedTtl(Duration ttl) {
        return new ResumeLimits(replayMaxFrames, replayMaxBytes, ttl, maxDetached, maxFrameBytes);
    }

    public ResumeLimits withMaxDetached(int max) {
        return new ResumeLimits(replayMaxFrames, replayMaxBytes, detachedTtl, max, maxFrameBytes);
    }
}
