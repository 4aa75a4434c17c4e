package dev.filament.realtime.search;

import dev.filament.application.shared.port.out.ReadinessCheck;
import dev.filament.application.search.port.out.SearchBacklog;
import dev.filament.application.search.port.out.SearchIndexStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness check {@code search_indexer} (SPEC 10.2.5, 14.4): ok when the oldest outbox row is at most
 * {@code FILAMENT_SEARCH_MAX_LAG_SECONDS} old and the indexer loop ticked within 10 s. The backlog query runs on its
 * own virtual thread and is awaited at most the bound (1 s), so a stuck database makes the check degraded, never
 * slow; while one probe is still running, later checks wait on it instead of piling up more connections. Unknown
 * values are reported as -1.
 */
public final class SearchReadinessCheck implements ReadinessCheck {
    public static final Duration MAX_HEARTBEAT_AGE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(SearchReadinessCheck.class);

    private final SearchIndexStore store;
    private final LongSupplier heartbeatAgeMillis;
    private final Duration maxLag;
    private final Clock clock;
    private final Duration bound;
    private final ExecutorService probes = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("search-readiness-", 0).factory());
    private Future<SearchBacklog> probe;

    /** @param maxLag {@code FILAMENT_SEARCH_MAX_LAG_SECONDS} */
    public SearchReadinessCheck(SearchIndexStore store, SearchIndexer indexer, Duration maxLag, Clock clock) {
        this(store, indexer::heartbeatAgeMillis, maxLag, clock, DEFAULT_BOUND);
    }

    SearchReadinessCheck(SearchIndexStore store, LongSupplier heartbeatAgeMillis, Duration maxLag, Clock clock,
                         Duration bound) {
        this.store = Objects.requireNonNull(store, "store");
        this.heartbeatAgeMillis = Objects.requireNonNull(heartbeatAgeMillis, "heartbeatAgeMillis");
        this.maxLag = Objects.requireNonNull(maxLag, "maxLag");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bound = Objects.requireNonNull(bound, "bound");
        if (maxLag.toSeconds() < 1) {
            throw new IllegalArgumentException("maxLag must be at least 1 s, was " + maxLag);
        }
    }

    @Override
    public String name() {
        return "search_indexer";
    }

    @Override
    public Result check() {
        long heartbeat = heartbeatAgeMillis.getAsLong();
        Optional<SearchBacklog> backlog = backlog();
        long oldestAge = backlog.map(b -> b.oldestAgeSeconds(clock.instant())).orElse(-1L);
        boolean ok = backlog.isPresent()
                && oldestAge <= maxLag.toSeconds()
                && heartbeat >= 0 && heartbeat <= MAX_HEARTBEAT_AGE.toMillis();
        return new Result(ok,
                new SearchIndexerDetails(backlog.map(SearchBacklog::rows).orElse(-1L), oldestAge, heartbeat));
    }

    private Optional<SearchBacklog> backlog() {
        Future<SearchBacklog> running = currentProbe();
        try {
            return Optional.of(running.get(bound.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            LOG.debug("search backlog probe exceeded {} ms", bound.toMillis());
        } catch (ExecutionException e) {
            LOG.debug("search backlog probe failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private synchronized Future<SearchBacklog> currentProbe() {
        if (probe == null || probe.isDone()) {
            probe = probes.submit(store::backlog);
        }
        return probe;
    }
}
