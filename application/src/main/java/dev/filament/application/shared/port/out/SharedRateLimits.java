package dev.filament.application.shared.port.out;

import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.domain.ratelimit.RateDecision;
import java.util.Optional;

/**
 * Out-port: limiter state shared by every node (SPEC 17.4). One atomic check per call, bounded by the request-path
 * wait; empty when the shared store did not decide in time (error, timeout, open circuit), in which case the caller's
 * node-local limiter decides and the fallback is counted by the adapter. Never throws; thread-safe.
 */
public interface SharedRateLimits {

    Optional<RateDecision> check(LimitPolicy policy, String key);
}
