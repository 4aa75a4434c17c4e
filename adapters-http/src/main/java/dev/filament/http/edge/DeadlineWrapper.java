package dev.filament.http.edge;

import dev.filament.application.shared.RequestBudget;
import dev.filament.http.RequestAttributes;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import io.javalin.router.HandlerWrapper;
import java.time.Duration;

/**
 * Edge step 3: the request budget (SPEC 2.2). Wraps every endpoint handler: when the budget measured from the
 * request's start runs out before the final commit, the handler thread is interrupted and the request answers 408.
 * After a commit the budget is not enforced (W3). Raw-body upload routes run under the upload budget instead.
 */
public final class DeadlineWrapper implements HandlerWrapper, AutoCloseable {
    /** The floor of the upload budget (SPEC 2.2): max(120 s, request budget). */
    public static final Duration UPLOAD_BUDGET_FLOOR = Duration.ofSeconds(120);

    private final Duration budget;
    private final BudgetWatchdog watchdog;
    private final RouteBodyLimits uploads;

    public DeadlineWrapper(Duration budget, RequestBudget requestBudget) {
        this(budget, requestBudget, new RouteBodyLimits(Long.MAX_VALUE));
    }

    /** @param uploads the upload routes, which run under the upload budget instead */
    public DeadlineWrapper(Duration budget, RequestBudget requestBudget, RouteBodyLimits uploads) {
        this.budget = budget;
        this.watchdog = BudgetWatchdog.withOwnTimer(requestBudget, "request-deadline");
        this.uploads = uploads;
    }

    /** The upload budget: max(120 s, request budget). */
    public Duration uploadBudget() {
        return budget.compareTo(UPLOAD_BUDGET_FLOOR) > 0 ? budget : UPLOAD_BUDGET_FLOOR;
    }

    @Override
    public Handler wrap(Endpoint endpoint) {
        Handler handler = endpoint.handler;
        if (!endpoint.method.isHttpMethod()) {
            return handler;
        }
        Duration routeBudget = uploads.isUpload(endpoint.method.name(), endpoint.path) ? uploadBudget() : budget;
        String timeout = "request exceeded " + routeBudget.toMillis() + " ms";
        return ctx -> {
            Duration left = routeBudget.minusNanos(System.nanoTime() - RequestAttributes.startedNanos(ctx));
            watchdog.run(left, timeout, () -> handler.handle(ctx));
        };
    }

    @Override
    public void close() {
        watchdog.close();
    }
}
