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
 * After a commit the budget is not enforced (W3).
 */
public final class DeadlineWrapper implements HandlerWrapper, AutoCloseable {
    private final Duration budget;
    private final BudgetWatchdog watchdog;

    public DeadlineWrapper(Duration budget, RequestBudget requestBudget) {
        this.budget = budget;
        this.watchdog = BudgetWatchdog.withOwnTimer(requestBudget, "request-deadline");
    }

    @Override
    public Handler wrap(Endpoint endpoint) {
        Handler handler = endpoint.handler;
        if (!endpoint.method.isHttpMethod()) {
            return handler;
        }
        String timeout = "request exceeded " + budget.toMillis() + " ms";
        return ctx -> {
            Duration left = budget.minusNanos(System.nanoTime() - RequestAttributes.startedNanos(ctx));
            watchdog.run(left, timeout, () -> handler.handle(ctx));
        };
    }

    @Override
    public void close() {
        watchdog.close();
    }
}
