package dev.filament.realtime;

import dev.filament.application.shared.port.out.ReadinessCheck;

/**
 * Readiness check {@code gateway} (SPEC 14.4): ok when the dispatcher ticked within 5 s, its queue is below 90 %
 * and it did not overflow within the last 5 s (SPEC 9.7.4). Reads volatile fields only, so it answers at once.
 */
public final class GatewayReadinessCheck implements ReadinessCheck {
    static final long MAX_TICK_AGE_MILLIS = 5_000;
    static final long OVERFLOW_WINDOW_MILLIS = 5_000;

    private final GatewayFanout fanout;

    public GatewayReadinessCheck(GatewayFanout fanout) {
        this.fanout = fanout;
    }

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public Result check() {
        Dispatcher dispatcher = fanout.dispatcher();
        long age = dispatcher.lastTickAgeMillis();
        int depth = dispatcher.queueDepth();
        boolean ok = age <= MAX_TICK_AGE_MILLIS
                && depth < dispatcher.queueCapacity() * 0.9
                && !dispatcher.overflowedWithin(OVERFLOW_WINDOW_MILLIS);
        return new Result(ok, new GatewayDetails(fanout.registry().connectionCount(), depth,
                age == Long.MAX_VALUE ? -1L : age));
    }
}
