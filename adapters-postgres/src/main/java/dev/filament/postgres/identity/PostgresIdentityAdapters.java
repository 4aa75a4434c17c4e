package dev.filament.postgres.identity;

import dev.filament.application.identity.port.out.IpObservationRecorder;
import dev.filament.application.identity.port.out.SessionRepository;
import dev.filament.application.identity.port.out.TokenKeyStore;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.domain.net.IpAddress;
import dev.filament.postgres.JooqUnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The PostgreSQL identity out-ports, built for the bootstrap from the server's one {@link JooqUnitOfWork}. Owns the
 * single background thread that writes IP observations; {@link #close()} it before closing the pool.
 */
public final class PostgresIdentityAdapters implements AutoCloseable {
    /** Writes waiting beyond this are dropped (and logged): observations are best effort. */
    static final int OBSERVATION_QUEUE = 1_024;
    private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(2);

    private final JooqUserRepository users;
    private final JooqSessionRepository sessions;
    private final LiveSessionCache liveSessions = new LiveSessionCache();
    private final JooqTokenKeyStore tokenKeys;
    private final JooqIpObservationRecorder ipObservations;
    private final ExecutorService observationWriter;

    private PostgresIdentityAdapters(JooqUnitOfWork unitOfWork, Clock clock, Predicate<IpAddress> infrastructure) {
        this.users = new JooqUserRepository(unitOfWork);
        this.sessions = new JooqSessionRepository(unitOfWork, liveSessions);
        this.tokenKeys = new JooqTokenKeyStore(unitOfWork, clock);
        this.observationWriter = observationWriter();
        this.ipObservations = new JooqIpObservationRecorder(unitOfWork, observationWriter, clock, infrastructure);
    }

    /**
     * @param infrastructure true for addresses inside a trusted proxy CIDR (e.g. {@code ClientIpResolver::isTrusted});
     *                       such addresses, like loopback, are never recorded as a user's network
     */
    public static PostgresIdentityAdapters create(JooqUnitOfWork unitOfWork, Clock clock,
                                                  Predicate<IpAddress> infrastructure) {
        return new PostgresIdentityAdapters(unitOfWork, clock, infrastructure);
    }

    public UserRepository users() {
        return users;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    /** The live-session cache (SPEC 4.2), for a relay of revocations made by other processes. */
    public LiveSessionCache liveSessions() {
        return liveSessions;
    }

    public TokenKeyStore tokenKeys() {
        return tokenKeys;
    }

    public IpObservationRecorder ipObservations() {
        return ipObservations;
    }

    /** Stops taking observations and waits briefly for queued writes; later observations are dropped and logged. */
    @Override
    public void close() {
        observationWriter.shutdown();
        try {
            observationWriter.awaitTermination(DRAIN_ON_CLOSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ExecutorService observationWriter() {
        // one thread: observation writes never hold more than one pooled connection
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(OBSERVATION_QUEUE), r -> {
                    Thread t = new Thread(r, "ip-observation-writer");
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
