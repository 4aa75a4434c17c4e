package dev.filament.http.edge;

import dev.filament.application.shared.RequestBudget;
import dev.filament.application.shared.RequestTimings;
import dev.filament.application.shared.RateLimiter;
import dev.filament.domain.net.ClientIpResolver;

/** The edge before-handlers of SPEC 2.1, built once and installed in this order by the server factory. */
public record EdgeHandlers(
        RequestIdHandler requestId,
        ClientIpHandler clientIp,
        DeadlineWrapper deadline,
        BaselineLimitHandler baseline,
        BodyLimitHandler bodyLimit,
        RequestTimings timings) {

    public static EdgeHandlers create(ClientIpResolver resolver, java.time.Duration budget, RequestBudget requestBudget,
                                      RateLimiter baselineLimiter, BaselineKey baselineKey, long maxBodyBytes,
                                      RequestTimings timings) {
        RouteBodyLimits bodyLimits = new RouteBodyLimits(maxBodyBytes);
        return new EdgeHandlers(new RequestIdHandler(), new ClientIpHandler(resolver),
                new DeadlineWrapper(budget, requestBudget, bodyLimits),
                new BaselineLimitHandler(baselineLimiter, baselineKey), new BodyLimitHandler(bodyLimits), timings);
    }
}
