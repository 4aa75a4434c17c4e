package dev.filament.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.error.UnavailableException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

/** The counting rules of the database circuit (SPEC 2.2), without a database. */
class DatabaseCircuitTest {
    private static final RuntimeException CAUSE = new DataAccessException("connection refused");
    private final DatabaseCircuit circuit = new DatabaseCircuit();

    private void fail(int times, SqlErrors.Kind kind) {
        for (int i = 0; i < times; i++) {
            circuit.failed(kind, CAUSE);
        }
    }

    @Test
    void fiveConsecutiveConnectionFailuresOrAcquireTimeoutsOpenIt() {
        fail(3, SqlErrors.Kind.CONNECTION);
        fail(1, SqlErrors.Kind.ACQUIRE_TIMEOUT);
        assertThat(circuit.isOpen()).isFalse();
        circuit.admit();

        fail(1, SqlErrors.Kind.CONNECTION);

        assertThat(circuit.isOpen()).isTrue();
        assertThatThrownBy(circuit::admit).isInstanceOfSatisfying(UnavailableException.class,
                e -> assertThat(e.kind()).isEqualTo("circuit_open"));
    }

    @Test
    void aSuccessResetsTheCount() {
        fail(4, SqlErrors.Kind.CONNECTION);
        circuit.succeeded();
        fail(4, SqlErrors.Kind.CONNECTION);
        assertThat(circuit.isOpen()).isFalse();
        fail(1, SqlErrors.Kind.CONNECTION);
        assertThat(circuit.isOpen()).isTrue();
    }

    @Test
    void otherFailuresNeitherCountNorReset() {
        fail(4, SqlErrors.Kind.CONNECTION);
        fail(10, SqlErrors.Kind.STATEMENT_TIMEOUT);
        fail(10, SqlErrors.Kind.LOCK_TIMEOUT);
        fail(10, SqlErrors.Kind.OTHER);
        fail(10, SqlErrors.Kind.SERIALIZATION_FAILURE);
        assertThat(circuit.isOpen()).isFalse();
        fail(1, SqlErrors.Kind.CONNECTION);
        assertThat(circuit.isOpen()).as("the four earlier connection failures still count").isTrue();
    }

    @Test
    void onlyTheProbeClosesIt_andNothingIsLetThroughMeanwhile() {
        circuit.open();
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(circuit::admit).isInstanceOf(UnavailableException.class);
            circuit.succeeded(); // a straggler's late success does not close it
        }
        circuit.close();
        circuit.admit();
        assertThat(circuit.isOpen()).isFalse();
    }

    @Test
    void openingAbortsTheConnectionsInUse_butNotReleasedOnes() throws Exception {
        CountDownLatch aborted = new CountDownLatch(1);
        AtomicInteger abortsOfReleased = new AtomicInteger();
        Connection held = connection(aborted::countDown);
        Connection released = connection(abortsOfReleased::incrementAndGet);
        ConnectionProvider pool = pool(held, released);
        ConnectionProvider tracked = circuit.tracking(pool);
        assertThat(tracked.acquire()).isSameAs(held);
        Connection second = tracked.acquire();
        tracked.release(second);

        circuit.open();

        assertThat(aborted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(abortsOfReleased).hasValue(0);
    }

    private static ConnectionProvider pool(Connection first, Connection second) {
        AtomicInteger n = new AtomicInteger();
        return new ConnectionProvider() {
            @Override
            public Connection acquire() {
                return n.getAndIncrement() == 0 ? first : second;
            }

            @Override
            public void release(Connection connection) {
            }
        };
    }

    private static Connection connection(Runnable onAbort) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("abort")) {
                        ((java.util.concurrent.Executor) args[0]).execute(onAbort);
                    }
                    return method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                            : method.getName().equals("equals") ? proxy == args[0] : null;
                });
    }
}
