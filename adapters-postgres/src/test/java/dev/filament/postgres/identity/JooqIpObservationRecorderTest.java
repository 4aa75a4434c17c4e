package dev.filament.postgres.identity;

import static dev.filament.postgres.jooq.Tables.USER_IP_OBSERVATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import dev.filament.application.shared.RequestBudget;
import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.shared.testing.Eventually;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.PasswordHash;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import dev.filament.domain.net.Cidr;
import dev.filament.domain.net.ClientIp;
import dev.filament.domain.net.IpAddress;
import dev.filament.postgres.DataSourceFactory;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(PostgresExtension.class)
class JooqIpObservationRecorderTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Executor DIRECT = Runnable::run;
    private static final Cidr TRUSTED_PROXIES = Cidr.parse("10.0.0.0/8").orElseThrow();
    private static final Predicate<IpAddress> INFRASTRUCTURE = TRUSTED_PROXIES::contains;

    private final TestIds ids = new TestIds();
    private final MutableClock clock = new MutableClock(T0);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private TestDatabase db;
    private JooqUnitOfWork unitOfWork;
    private JooqIpObservationRecorder recorder;
    private UserId user;

    private record Observation(String network, Instant firstSeen, Instant lastSeen) {
    }

    @BeforeEach
    void setUp(TestDatabase db) {
        this.db = db;
        unitOfWork = JooqUnitOfWork.create(db.dataSource(), db.defaultSettings(), new RequestBudget());
        recorder = new JooqIpObservationRecorder(unitOfWork, DIRECT, clock, INFRASTRUCTURE);
        user = storedUser();
        log.start();
        recorderLogger().addAppender(log);
    }

    @AfterEach
    void tearDown() {
        recorderLogger().detachAppender(log);
    }

    @Test
    void firstObservation_storesTheIpv4HostNetworkWithFirstAndLastSeenInWholeSeconds() {
        recorder.observed(user, ip("203.0.113.7"), T0.plusMillis(900));

        assertThat(observations(user)).containsExactly(new Observation("203.0.113.7/32", T0, T0));
    }

    @Test
    void aLaterObservationAfterTheWindow_movesLastSeenAndKeepsFirstSeen() {
        recorder.observed(user, ip("203.0.113.7"), T0);
        clock.advance(Duration.ofSeconds(61));
        recorder.observed(user, ip("203.0.113.7"), T0.plusSeconds(61));

        assertThat(observations(user)).containsExactly(new Observation("203.0.113.7/32", T0, T0.plusSeconds(61)));
    }

    @Test
    void withinTheWindow_theSameNetworkIsNotWrittenAgainButAnotherNetworkIs() {
        recorder.observed(user, ip("203.0.113.7"), T0);
        clock.advance(Duration.ofSeconds(59));
        recorder.observed(user, ip("203.0.113.7"), T0.plusSeconds(59));
        recorder.observed(user, ip("198.51.100.1"), T0.plusSeconds(59));

        assertThat(observations(user)).containsExactlyInAnyOrder(
                new Observation("203.0.113.7/32", T0, T0),
                new Observation("198.51.100.1/32", T0.plusSeconds(59), T0.plusSeconds(59)));
    }

    @Test
    void ipv6IsStoredAsItsSlash64_soAddressesInOneSlash64ShareARow() {
        recorder.observed(user, ip("2001:db8:1:2:3:4:5:6"), T0);
        clock.advance(Duration.ofSeconds(60));
        recorder.observed(user, ip("2001:db8:1:2:ffff::1"), T0.plusSeconds(60));

        assertThat(observations(user)).containsExactly(
                new Observation("2001:db8:1:2::/64", T0, T0.plusSeconds(60)));
    }

    @Test
    void aDelayedWriteNeverMovesLastSeenBackwards() {
        recorder.observed(user, ip("203.0.113.7"), T0.plusSeconds(120));
        clock.advance(Duration.ofSeconds(60));
        recorder.observed(user, ip("203.0.113.7"), T0.plusSeconds(30));

        assertThat(observations(user)).containsExactly(
                new Observation("203.0.113.7/32", T0.plusSeconds(120), T0.plusSeconds(120)));
    }

    @Test
    void loopbackAndTrustedProxyAddressesAreNeverWritten() {
        recorder.observed(user, ip("127.0.0.1"), T0);
        recorder.observed(user, ip("::1"), T0);
        recorder.observed(user, ip("10.20.30.40"), T0);

        assertThat(observations(user)).isEmpty();
    }

    @Test
    void aDatabaseFailureIsLoggedAndNotThrown() {
        HikariDataSource closed = DataSourceFactory.create(db.defaultSettings());
        closed.close();
        JooqUnitOfWork broken = JooqUnitOfWork.create(closed, db.defaultSettings(), new RequestBudget());
        JooqIpObservationRecorder failing = new JooqIpObservationRecorder(broken, DIRECT, clock, INFRASTRUCTURE);

        failing.observed(user, ip("203.0.113.7"), T0);

        assertThat(warnings()).singleElement().asString().contains("not recorded").contains(user.value());
        assertThat(observations(user)).isEmpty();
    }

    @Test
    void aRejectedWriteIsLoggedAndNotThrown() {
        Executor full = task -> {
            throw new RejectedExecutionException("queue full");
        };
        JooqIpObservationRecorder dropping = new JooqIpObservationRecorder(unitOfWork, full, clock, INFRASTRUCTURE);

        dropping.observed(user, ip("203.0.113.7"), T0);

        assertThat(warnings()).singleElement().asString().contains("dropped");
        assertThat(observations(user)).isEmpty();
    }

    @Test
    void throughTheFactory_theWriteRunsOutsideTheCallersTransaction() {
        PostgresIdentityAdapters adapters = PostgresIdentityAdapters.create(unitOfWork, clock, INFRASTRUCTURE);
        try {
            assertThatThrownBy(() -> unitOfWork.run(() -> {
                adapters.ipObservations().observed(user, ip("203.0.113.9"), T0);
                throw new IllegalStateException("caller rolls back");
            })).hasMessage("caller rolls back");
        } finally {
            adapters.close(); // drains the writer, waiting a bounded time
        }

        // close's drain is bounded (2 s) and does not report a timeout, so a starved writer may finish just after it
        assertThat(Eventually.until("the observation is written", Duration.ofSeconds(10), () -> observations(user),
                written -> !written.isEmpty())).containsExactly(new Observation("203.0.113.9/32", T0, T0));
    }

    private UserId storedUser() {
        User u = User.register(ids.newUserId(), new Username(TestIds.uniqueUsername()),
                new PasswordHash("$argon2id$v=19$pg"), T0);
        unitOfWork.run(() -> new JooqUserRepository(unitOfWork).insertIfAbsent(u));
        return u.id();
    }

    private List<Observation> observations(UserId userId) {
        return unitOfWork.dsl()
                .select(USER_IP_OBSERVATIONS.IP_NETWORK, USER_IP_OBSERVATIONS.FIRST_SEEN_AT,
                        USER_IP_OBSERVATIONS.LAST_SEEN_AT)
                .from(USER_IP_OBSERVATIONS)
                .where(USER_IP_OBSERVATIONS.USER_ID.eq(userId.value()))
                .fetch(r -> new Observation(r.value1(), r.value2().toInstant(), r.value3().toInstant()));
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static ClientIp ip(String literal) {
        return new ClientIp(IpAddress.parse(literal).orElseThrow(), ClientIp.Source.PEER);
    }

    private static Logger recorderLogger() {
        return (Logger) LoggerFactory.getLogger(JooqIpObservationRecorder.class);
    }
}
