package dev.filament.postgres.identity;

import static dev.filament.postgres.jooq.Tables.USER_IP_OBSERVATIONS;

import dev.filament.application.identity.port.out.IpObservationRecorder;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.Cidr;
import dev.filament.domain.net.ClientIp;
import dev.filament.domain.net.IpAddress;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.SqlErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL {@link IpObservationRecorder} (SPEC 6.5): upserts {@code user_ip_observations} on (user, network), the
 * network being the /32 of IPv4 or the /64 of IPv6, moving {@code last_seen_at} and keeping {@code first_seen_at}.
 * Skips loopback and infrastructure (trusted proxy) addresses, throttles to one write per (user, network) per
 * {@link #THROTTLE_WINDOW} in this process, and hands the write to {@code writer} so the caller does not wait for it.
 * The write is one auto-commit statement on the writer's thread, never part of a caller's transaction. Best effort:
 * every failure is logged here and none is thrown.
 */
public final class JooqIpObservationRecorder implements IpObservationRecorder {
    static final Duration THROTTLE_WINDOW = Duration.ofSeconds(60);
    static final int THROTTLE_CAPACITY = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(JooqIpObservationRecorder.class);

    private final DSLContext dsl;
    private final Executor writer;
    private final Clock clock;
    private final Predicate<IpAddress> infrastructure;
    private final ObservationThrottle<Observed> throttle;

    private record Observed(UserId userId, Cidr network) {
    }

    /**
     * @param writer         runs each write; a thread other than the caller's keeps the write out of any open
     *                       transaction (a direct executor is fine for callers outside a transaction, e.g. tests)
     * @param clock          the throttle's clock
     * @param infrastructure true for trusted proxy addresses, which are never recorded (loopback never is either)
     */
    public JooqIpObservationRecorder(JooqUnitOfWork unitOfWork, Executor writer, Clock clock,
                                     Predicate<IpAddress> infrastructure) {
        this(unitOfWork, writer, clock, infrastructure, THROTTLE_CAPACITY);
    }

    JooqIpObservationRecorder(JooqUnitOfWork unitOfWork, Executor writer, Clock clock,
                              Predicate<IpAddress> infrastructure, int throttleCapacity) {
        this.dsl = unitOfWork.dsl();
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.infrastructure = Objects.requireNonNull(infrastructure, "infrastructure");
        this.throttle = new ObservationThrottle<>(THROTTLE_WINDOW, throttleCapacity);
    }

    @Override
    public void observed(UserId userId, ClientIp clientIp, Instant at) {
        try {
            IpAddress address = clientIp.address();
            if (address.isLoopback() || infrastructure.test(address)) {
                return; // infrastructure, not the user's network (SPEC 6.5)
            }
            Cidr network = address.observationNetwork();
            if (throttle.tryPass(new Observed(userId, network), clock.instant())) {
                writer.execute(() -> write(userId, network, at));
            }
        } catch (RuntimeException e) {
            // e.g. the writer's queue is full or it was shut down
            LOG.warn("ip observation for user {} dropped: {}", userId, e.toString());
        }
    }

    private void write(UserId userId, Cidr network, Instant at) {
        try {
            upsert(userId, network, at);
        } catch (RuntimeException e) {
            LOG.warn("ip observation for user {} not recorded ({}): {}", userId, SqlErrors.classify(e).label(),
                    e.toString());
            LOG.debug("ip observation failure", e);
        }
    }

    private void upsert(UserId userId, Cidr network, Instant at) {
        Field<String> cidr = DSL.field("cast({0} as cidr)", String.class, DSL.val(network.toString()));
        dsl.insertInto(USER_IP_OBSERVATIONS)
                .set(USER_IP_OBSERVATIONS.USER_ID, userId.value())
                .set(USER_IP_OBSERVATIONS.IP_NETWORK, cidr)
                .set(USER_IP_OBSERVATIONS.FIRST_SEEN_AT, Timestamps.stored(at))
                .set(USER_IP_OBSERVATIONS.LAST_SEEN_AT, Timestamps.stored(at))
                .onConflict(USER_IP_OBSERVATIONS.USER_ID, USER_IP_OBSERVATIONS.IP_NETWORK)
                .doUpdate()
                // a late write (writer queue) never moves last_seen_at backwards
                .set(USER_IP_OBSERVATIONS.LAST_SEEN_AT, DSL.greatest(USER_IP_OBSERVATIONS.LAST_SEEN_AT,
                        DSL.excluded(USER_IP_OBSERVATIONS.LAST_SEEN_AT)))
                .execute();
    }
}
