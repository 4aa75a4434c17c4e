package dev.filament.redis;

import dev.filament.application.shared.port.out.ClusterTelemetry;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.MaintNotificationsConfig;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPEC 17.2's access to Redis for one node: one multiplexed, pipelined command connection (Lettuce writes every async
 * command at once and matches the replies in order), connect timeout 1 s, reconnect backoff 100 ms doubling to 2 s;
 * every call waits at most its {@link RedisBound} and feeds the circuit. A call never throws: no answer in time is an
 * empty result, and the caller takes its feature's fallback. The relay reader opens its own connection
 * ({@link #connectReader}).
 *
 * <p>Redis restarts (17.9): on every (re)connect the node reads {@code run_id} and sets {@code filament:boot} NX;
 * a changed {@code run_id} or a missing key means Redis lost its data, and the reset listeners run.
 */
public final class RedisAccess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisAccess.class);
    public static final String BOOT_KEY = "filament:boot";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private final ClientResources resources;
    private final RedisClient client;
    private final ClusterTelemetry telemetry;
    private final String instance;
    private final RedisCircuit circuit;
    private final ScheduledExecutorService background;
    private final List<Runnable> resetListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> recoveryListeners = new CopyOnWriteArrayList<>();
    private volatile StatefulRedisConnection<String, String> commands;
    private volatile String runId;
    private volatile boolean closed;
    private long retryMillis = 100;

    private RedisAccess(RedisURI uri, String instance, ClusterTelemetry telemetry) {
        this.instance = instance;
        this.telemetry = telemetry;
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        uri.setTimeout(RedisBound.BACKGROUND.limit());
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
                .maintNotificationsConfig(MaintNotificationsConfig.disabled()) // Redis 7.0 has no such command
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true)
                .build());
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "redis-access");
            t.setDaemon(true);
            return t;
        });
        this.circuit = new RedisCircuit(System::nanoTime, () -> background.execute(this::recovered));
        telemetry.bindCircuitOpen(() -> circuit.isOpen() ? 1 : 0);
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(io.lettuce.core.RedisChannelHandler<?, ?> connection,
                    SocketAddress socketAddress) {
                if (connection == commands) {
                    background.execute(RedisAccess.this::checkBoot);
                }
            }
        });
    }

    /**
     * Connects within 1 s when Redis answers; otherwise keeps trying in the background (100 ms doubling to 2 s)
     * while every call takes its fallback. Never throws for an unreachable Redis.
     */
    public static RedisAccess start(RedisURI uri, String instance, ClusterTelemetry telemetry) {
        RedisAccess access = new RedisAccess(uri, instance, telemetry);
        access.connect();
        return access;
    }

    /** This node's instance id {@code {node}.{boot ULID}} (17.1). */
    public String instance() {
        return instance;
    }

    /** Runs when Redis lost its data (17.9); on the access thread. */
    public void onReset(Runnable listener) {
        resetListeners.add(listener);
    }

    /** Runs after the circuit closed again (17.6: re-apply local state); on the access thread. */
    public void onRecovery(Runnable listener) {
        recoveryListeners.add(listener);
    }

    /** A second connection for a blocking reader; commands on it wait up to {@code timeout}. */
    public StatefulRedisConnection<String, String> connectReader(Duration timeout) {
        StatefulRedisConnection<String, String> reader = client.connect();
        reader.setTimeout(timeout);
        return reader;
    }

    /** Runs {@code task} every {@code period} on the access thread (heartbeats, janitors). */
    public void every(Duration period, Runnable task) {
        background.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("event", "redis.task.failed").setCause(e).log("redis task failed");
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One Redis call within {@code bound}: empty when the circuit is open (request path), the connection is not
     * up, Redis answered with an error, or no answer came in time. Counts toward the circuit.
     */
    public <T> Optional<T> call(RedisBound bound, String op,
            Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command) {
        if (bound == RedisBound.REQUEST && !circuit.allow()) {
            return Optional.empty();
        }
        StatefulRedisConnection<String, String> connection = commands();
        if (connection == null) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            T value = command.apply(connection.async()).get(bound.limit().toNanos(), TimeUnit.NANOSECONDS);
            circuit.success();
            telemetry.command(op, System.nanoTime() - start);
            return Optional.ofNullable(value);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.TimeoutException e) {
            circuit.failure("timeout");
            return Optional.empty();
        } catch (Exception e) {
            LOG.atDebug().addKeyValue("event", "redis.call.failed").addKeyValue("op", op)
                    .log("redis call failed: {}", e.getMessage());
            circuit.failure("error");
            return Optional.empty();
        }
    }

    /**
     * Several commands sent at once on the command connection (one round trip, replies matched in order), all
     * awaited within {@code bound}; false when any failed or did not answer in time.
     */
    public boolean pipeline(RedisBound bound, String op,
            Function<RedisAsyncCommands<String, String>, List<RedisFuture<?>>> commands) {
        StatefulRedisConnection<String, String> connection = commands();
        if (connection == null) {
            return false;
        }
        long start = System.nanoTime();
        try {
            List<RedisFuture<?>> futures = commands.apply(connection.async());
            long deadline = start + bound.limit().toNanos();
            for (RedisFuture<?> future : futures) {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            circuit.success();
            telemetry.command(op, System.nanoTime() - start);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.TimeoutException e) {
            circuit.failure("timeout");
            return false;
        } catch (Exception e) {
            circuit.failure("error");
            return false;
        }
    }

    private StatefulRedisConnection<String, String> commands() {
        StatefulRedisConnection<String, String> connection = commands;
        if (connection == null || !connection.isOpen()) {
            circuit.failure("disconnected");
            return null;
        }
        return connection;
    }

    /** Whether the circuit is open now. */
    public boolean circuitOpen() {
        return circuit.isOpen();
    }

    /** {@code PING} within {@code bound}; its latency in ms, or empty. Does not let an open circuit skip it. */
    public Optional<Long> ping(Duration bound) {
        StatefulRedisConnection<String, String> connection = commands;
        if (connection == null) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            connection.async().ping().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of((System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        try {
            commands = client.connect();
            retryMillis = 100;
            checkBoot();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("event", "redis.connect.failed").addKeyValue("retry_ms", retryMillis)
                    .log("redis unreachable: {}", e.getMessage());
            background.schedule(this::connect, retryMillis, TimeUnit.MILLISECONDS);
            retryMillis = Math.min(2_000, retryMillis * 2);
        }
    }

    /**
     * 17.9, on every (re)connect and periodically: the first check of this process only records {@code run_id};
     * later ones detect a lost data set (a changed {@code run_id}, or {@code filament:boot} gone).
     */
    public void checkBoot() {
        Optional<String> info = call(RedisBound.BACKGROUND, "other", c -> c.info("server"));
        Optional<String> set = call(RedisBound.BACKGROUND, "other",
                c -> c.set(BOOT_KEY, instance, SetArgs.Builder.nx()));
        if (info.isEmpty()) {
            return;
        }
        String current = parseRunId(info.get());
        String previous = runId;
        runId = current;
        boolean lost = previous != null && (!previous.equals(current) || set.isPresent());
        if (lost) {
            LOG.atWarn().addKeyValue("event", "redis.reset").log("redis lost its data");
            resetListeners.forEach(RedisAccess::runQuietly);
        }
    }

    static String parseRunId(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("run_id:")) {
                return line.substring("run_id:".length()).strip();
            }
        }
        return "";
    }

    private void recovered() {
        recoveryListeners.forEach(RedisAccess::runQuietly);
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("event", "redis.listener.failed").setCause(e).log("redis listener failed");
        }
    }

    @Override
    public void close() {
        closed = true;
        background.shutdownNow();
        StatefulRedisConnection<String, String> connection = commands;
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        resources.shutdown(0, 1, TimeUnit.SECONDS);
    }
}
