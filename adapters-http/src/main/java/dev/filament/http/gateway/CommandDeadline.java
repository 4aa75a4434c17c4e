package dev.filament.http.gateway;

import dev.filament.application.shared.RequestBudget;
import dev.filament.domain.error.RequestTimeoutException;
import dev.filament.http.edge.BudgetWatchdog;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Bounds one gateway command by the request budget (SPEC 9.4, 2.2), like the HTTP deadline does for a request: the
 * budget is open on the worker thread so inner waits cut themselves to it, and past the budget (before a commit) the
 * worker is interrupted and the command fails with {@code request_timeout}.
 */
public final class CommandDeadline {
    private final Duration budget;
    private final BudgetWatchdog watchdog;
    private final String timeout;

    public CommandDeadline(Duration budget, RequestBudget requestBudget, ScheduledExecutorService timer) {
        this.budget = budget;
        this.watchdog = new BudgetWatchdog(requestBudget, timer);
        this.timeout = "gateway command exceeded " + budget.toMillis() + " ms";
    }

    /**
     * Runs {@code work} on the calling thread within the budget.
     *
     * @throws RequestTimeoutException when the budget ran out before the work committed
     */
    void run(Runnable work) {
        try {
            watchdog.run(budget, timeout, work::run);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a Runnable threw a checked exception", e); // cannot happen
        }
    }
}
