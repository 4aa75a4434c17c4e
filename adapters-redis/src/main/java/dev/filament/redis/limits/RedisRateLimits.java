package dev.filament.redis.limits;

import dev.filament.application.shared.port.out.ClusterTelemetry;
import dev.filament.application.shared.port.out.SharedRateLimits;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.domain.ratelimit.RateDecision;
import dev.filament.redis.RedisAccess;
import dev.filament.redis.RedisBound;
import io.lettuce.core.ScriptOutputType;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SPEC 17.4: every limiter's state in Redis, one atomic script per check reading Redis {@code TIME}: the baseline
 * token bucket as a hash {@code {tokens, updated_ms}} (expires after 120 s idle), each sliding window as a sorted set
 * of allowed request times (expires {@code w} + 1 s after the last change). Bound 50 ms; no answer in time, an error
 * or an open circuit answers empty (the node-local limiter decides) and counts
 * {@code filament_rate_limit_fallback_total}.
 */
public final class RedisRateLimits implements SharedRateLimits {
    private static final String NOW = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000) ";

    static final String TOKEN_BUCKET = NOW + """
            local cap = tonumber(ARGV[1]) local rate = cap / tonumber(ARGV[2])
            local h = redis.call('HMGET', KEYS[1], 'tokens', 'updated_ms')
            local tokens = tonumber(h[1]) local updated = tonumber(h[2])
            if tokens == nil or updated == nil then tokens = cap updated = now end
            if now > updated then tokens = math.min(cap, tokens + (now - updated) * rate) updated = now end
            local allowed = 0 local retry = 0
            if tokens >= 1 then tokens = tokens - 1 allowed = 1
            else retry = math.max(1, math.ceil((1 - tokens) / rate / 1000)) end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated_ms', updated)
            redis.call('PEXPIRE', KEYS[1], 120000)
            return {allowed, math.floor(tokens), retry}
            """;

    static final String SLIDING_WINDOW = NOW + """
            local q = tonumber(ARGV[1]) local w = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - w)
            local n = redis.call('ZCARD', KEYS[1])
            if n < q then
              redis.call('ZADD', KEYS[1], now, ARGV[3])
              redis.call('PEXPIRE', KEYS[1], w + 1000)
              return {1, q - n - 1, 0}
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return {0, 0, math.max(1, math.ceil((tonumber(oldest[2]) + w - now) / 1000))}
            """;

    private final RedisAccess access;
    private final ClusterTelemetry telemetry;
    // window members must be unique per request across every user of this node's instance id
    private static final AtomicLong NONCE = new AtomicLong();

    public RedisRateLimits(RedisAccess access, ClusterTelemetry telemetry) {
        this.access = access;
        this.telemetry = telemetry;
    }

    @Override
    public Optional<RateDecision> check(LimitPolicy policy, String key) {
        String redisKey = "filament:rl:" + policy.name() + ":" + key;
        long windowMillis = policy.windowSeconds() * 1000;
        boolean bucket = policy.kind() == LimitPolicy.Kind.TOKEN_BUCKET;
        String script = bucket ? TOKEN_BUCKET : SLIDING_WINDOW;
        String[] args = bucket
                ? new String[] {Long.toString(policy.quota()), Long.toString(windowMillis)}
                : new String[] {Long.toString(policy.quota()), Long.toString(windowMillis),
                        access.instance() + ":" + NONCE.incrementAndGet()};
        Optional<List<Object>> reply = access.call(RedisBound.REQUEST, "limiter",
                c -> c.<List<Object>>eval(script, ScriptOutputType.MULTI, new String[] {redisKey}, args));
        if (reply.isEmpty() || reply.get().size() < 3) {
            telemetry.rateLimitFallback(policy.name());
            telemetry.fallback("limiter");
            return Optional.empty();
        }
        List<Object> r = reply.get();
        return Optional.of(((Long) r.get(0)) == 1L
                ? RateDecision.allowed((Long) r.get(1))
                : RateDecision.rejected((Long) r.get(2)));
    }
}
