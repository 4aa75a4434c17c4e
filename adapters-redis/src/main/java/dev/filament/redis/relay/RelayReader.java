package dev.filament.redis.relay;

import dev.filament.application.gateway.port.out.RelayedDelivery;
import dev.filament.application.guild.port.out.GuildRevalidation;
import dev.filament.application.identity.port.out.SessionRevocationListener;
import dev.filament.application.shared.port.out.ClusterTelemetry;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.id.UserId;
import dev.filament.redis.RedisAccess;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay reader of SPEC 17.3 on its own connection: {@code XREAD BLOCK 1000 COUNT 512} from the last id read
 * (the stream's end at start), own entries skipped, each origin's {@code n} checked against its baseline. A hole in
 * an origin's sequence, a last id older than the stream's first entry, or a Redis that lost its data is a relay gap:
 * every local connection is closed 1013 {@code relay_gap}. Its blocking reads do not count toward the circuit.
 */
public final class RelayReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayReader.class);
    static final Duration READ_BOUND = Duration.ofMillis(2_000);

    private final RedisAccess access;
    private final RelayedDelivery delivery;
    private final GuildRevalidation revalidation;
    private final SessionRevocationListener revocations;
    private final ClusterTelemetry telemetry;
    private final Map<String, Long> baselines = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean resetPending;
    private volatile long lastReadNanos;
    private volatile long lastLagMillis = -1;
    private volatile boolean connected;
    private volatile Runnable onReconnect = () -> { };
    private volatile Consumer<UserId> onRename = user -> { };
    private StatefulRedisConnection<String, String> connection;
    private String lastId;
    private boolean checkTrim;

    public RelayReader(RedisAccess access, RelayedDelivery delivery, GuildRevalidation revalidation,
            SessionRevocationListener revocations, ClusterTelemetry telemetry) {
        this.access = access;
        this.delivery = delivery;
        this.revalidation = revalidation;
        this.revocations = revocations;
        this.telemetry = telemetry;
        this.thread = Thread.ofPlatform().daemon().name("relay-reader").unstarted(this::loop);
        access.onReset(() -> resetPending = true);
    }

    /** Where another node's {@code user} entries go (17.3: the live-session cache drops the renamed user). */
    public void onRename(Consumer<UserId> action) {
        this.onRename = action;
    }

    public void start() {
        thread.start();
    }

    /** Runs on the reader thread after a read succeeds again following a failure (17.6: re-apply local state). */
    public void onReconnect(Runnable action) {
        this.onReconnect = action;
    }

    /** Whether the last read succeeded (readiness {@code reader}). */
    public boolean connected() {
        return connected;
    }

    /** Milliseconds since the last completed read; {@link Long#MAX_VALUE} before the first. */
    public long lastReadAgeMillis() {
        long last = lastReadNanos;
        return last == 0 ? Long.MAX_VALUE : (System.nanoTime() - last) / 1_000_000;
    }

    /** The age of the newest entry read, by its stream id, when it was read; -1 before any. */
    public long lastLagMillis() {
        return lastLagMillis;
    }

    private void loop() {
        long backoff = 100;
        while (running) {
            try {
                if (connection == null) {
                    connection = access.connectReader(READ_BOUND);
                    if (lastId == null) {
                        lastId = streamEnd();
                    }
                }
                if (resetPending) {
                    resetPending = false;
                    gap("redis_reset", null);
                    lastId = "0-0";
                    baselines.clear();
                }
                boolean recovering = checkTrim && lastReadNanos != 0;
                if (checkTrim) {
                    checkTrimmed();
                    checkTrim = false;
                }
                read();
                if (recovering) {
                    onReconnect.run();
                }
                backoff = 100;
            } catch (RuntimeException e) {
                connected = false;
                checkTrim = true;
                if (running) {
                    LOG.atDebug().addKeyValue("event", "relay.reader.failed").log("relay read failed: {}",
                            e.getMessage());
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoff));
                    backoff = Math.min(2_000, backoff * 2);
                }
            }
        }
    }

    private String streamEnd() {
        List<StreamMessage<String, String>> last = connection.sync().xrevrange(RelayPublisher.STREAM,
                io.lettuce.core.Range.create("-", "+"), io.lettuce.core.Limit.from(1));
        return last.isEmpty() ? "0-0" : last.getFirst().getId();
    }

    // 17.3 (b): entries between the last id read and the stream's first entry were trimmed away while we were away
    private void checkTrimmed() {
        List<StreamMessage<String, String>> first = connection.sync().xrange(RelayPublisher.STREAM,
                io.lettuce.core.Range.create("-", "+"), io.lettuce.core.Limit.from(1));
        if (!first.isEmpty() && compareIds(lastId, first.getFirst().getId()) < 0 && !"0-0".equals(lastId)) {
            gap("trimmed", null);
        }
    }

    private void read() {
        List<StreamMessage<String, String>> messages = connection.sync().xread(
                XReadArgs.Builder.block(1_000).count(512), XReadArgs.StreamOffset.from(RelayPublisher.STREAM, lastId));
        long now = System.currentTimeMillis();
        lastReadNanos = System.nanoTime();
        connected = true;
        int received = 0;
        for (StreamMessage<String, String> message : messages) {
            lastId = message.getId();
            if (handle(message.getBody(), now, idMillis(message.getId()))) {
                received++;
            }
        }
        if (received > 0) {
            telemetry.relayed("received", received);
        }
    }

    private boolean handle(Map<String, String> body, long now, long idMillis) {
        String origin = body.get("o");
        if (origin == null || origin.equals(access.instance())) {
            return false;
        }
        long n = Long.parseLong(body.getOrDefault("n", "0"));
        Long previous = baselines.get(origin);
        if (previous != null && n <= previous) {
            return false; // a retried append that had reached Redis before
        }
        baselines.put(origin, n);
        if (previous != null && n != previous + 1) {
            gap("sequence", origin);
        }
        lastLagMillis = Math.max(0, now - idMillis);
        telemetry.relayRead(lastLagMillis, Math.max(0, now - Long.parseLong(body.getOrDefault("ts", "" + now))));
        try {
            Optional<RelayEntry> entry = RelayEntry.parse(body);
            entry.ifPresent(this::apply);
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("event", "relay.entry.invalid").addKeyValue("origin", origin).setCause(e)
                    .log("relay entry skipped");
        }
        return true;
    }

    private void apply(RelayEntry entry) {
        switch (entry) {
            case RelayEntry.Event e -> delivery.deliver(e.event());
            case RelayEntry.Drop d -> delivery.drop(d.user(), d.guild(), d.reason());
            case RelayEntry.Revalidate r -> revalidation.enqueue(r.guild());
            case RelayEntry.Revoke r -> revocations.sessionRevoked(r.session());
            case RelayEntry.UserRenamed u -> onRename.accept(u.user()); // 4.5: drop the user's cached sessions
        }
    }

    private void gap(String reason, String origin) {
        telemetry.relayGap(reason);
        LOG.atWarn().addKeyValue("event", "relay.gap").addKeyValue("reason", reason).addKeyValue("origin", origin)
                .log("relay gap: closing local connections");
        delivery.closeAll(CloseReason.RELAY_GAP);
    }

    static long idMillis(String id) {
        int dash = id.indexOf('-');
        return Long.parseLong(dash < 0 ? id : id.substring(0, dash));
    }

    static int compareIds(String a, String b) {
        int byTime = Long.compare(idMillis(a), idMillis(b));
        return byTime != 0 ? byTime : Long.compare(seq(a), seq(b));
    }

    private static long seq(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? 0 : Long.parseLong(id.substring(dash + 1));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.close();
        }
    }
}
