package dev.filament.bootstrap.wiring;

import dev.filament.application.shared.RateLimiter;
import dev.filament.application.shared.port.out.SharedRateLimits;
import dev.filament.bootstrap.config.ServerConfig;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.http.auth.AuthLimiters;
import dev.filament.http.people.PeopleLimiters;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Every process-local limiter of SPEC 2.6, plus the 30 s sweep that forgets idle keys. */
public final class Limiters implements AutoCloseable {
    private final RateLimiter baseline;
    private final AuthLimiters auth;
    private final PeopleLimiters people;
    private final Clock clock;
    private final Optional<SharedRateLimits> shared;
    private final List<RateLimiter> all = new ArrayList<>();
    private final List<Runnable> otherSweeps = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "limiter-sweep");
        t.setDaemon(true);
        return t;
    });

    public Limiters(ServerConfig config, Clock clock) {
        this(config, clock, Optional.empty());
    }

    /** With {@code shared} (scale-out on, SPEC 17.4) every limiter keeps its state there first. */
    public Limiters(ServerConfig config, Clock clock, Optional<SharedRateLimits> shared) {
        this.clock = clock;
        this.shared = shared;
        baseline = add(LimitPolicy.tokenBucket("baseline", config.rateLimitPerMinute(), 60));
        int auth = config.authRoutePerMinute();
        this.auth = new AuthLimiters(add(LimitPolicy.slidingWindow("auth_register", auth, 60)),
                add(LimitPolicy.slidingWindow("auth_login", auth, 60)),
                add(LimitPolicy.slidingWindow("auth_refresh", auth, 60)),
                add(LimitPolicy.slidingWindow("auth_logout", auth, 60)));
        this.people = new PeopleLimiters(add(LimitPolicy.slidingWindow("profile_update", auth, 60)),
                add(LimitPolicy.slidingWindow("profile_avatar_upload", auth, 60)),
                add(LimitPolicy.slidingWindow("profile_banner_upload", auth, 60)),
                add(LimitPolicy.slidingWindow("friend_request", 30, 60)));
        sweeper.scheduleWithFixedDelay(this::sweep, 30, 30, TimeUnit.SECONDS);
    }

    /** The per-IP baseline limiter of every route (SPEC 2.6). */
    public RateLimiter baseline() {
        return baseline;
    }

    /** The four auth-route limiters. */
    public AuthLimiters auth() {
        return auth;
    }

    /** The three profile-write limiters (client IP) and {@code friend_request} (user, fixed 30 / 60 s). */
    public PeopleLimiters people() {
        return people;
    }

    /** A new limiter for {@code policy}, included in the sweep. */
    public RateLimiter add(LimitPolicy policy) {
        RateLimiter limiter = shared.map(s -> new RateLimiter(policy, clock, s))
                .orElseGet(() -> new RateLimiter(policy, clock));
        all.add(limiter);
        return limiter;
    }

    /** Adds {@code sweep} (another bounded table living with the limiters, e.g. login lockouts) to the 30 s sweep. */
    public void sweepAlso(Runnable sweep) {
        otherSweeps.add(sweep);
    }

    void sweep() {
        all.forEach(RateLimiter::sweep);
        otherSweeps.forEach(Runnable::run);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
