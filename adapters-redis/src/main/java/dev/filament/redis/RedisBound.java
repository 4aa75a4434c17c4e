package dev.filament.redis;

import java.time.Duration;

/** SPEC 17.2's waits: a call made for a request or a gateway command, or a background call. */
public enum RedisBound {
    REQUEST(Duration.ofMillis(50)),
    BACKGROUND(Duration.ofMillis(1000));

    private final Duration wait;

    RedisBound(Duration wait) {
        this.wait = wait;
    }

    public Duration limit() {
        return wait;
    }
}
