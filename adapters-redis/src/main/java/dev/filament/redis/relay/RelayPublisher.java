package dev.filament.redis.relay;

import dev.filament.application.shared.port.out.ClusterTelemetry;
import dev.filament.redis.RedisAccess;
import dev.filament.redis.RedisBound;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XTrimArgs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay publisher of SPEC 17.3: a FIFO of at most 65536 entries filled by non-blocking offers (the origin
 * sequence {@code n} is taken at the offer, under a short lock, so queue order is {@code n} order), and one writer
 * that appends in order, pipelining up to 256 {@code XADD ... MINID ~} per round trip followed by one
 * {@code XTRIM MAXLEN ~ 20000}. A failed round is retried in order (backoff 50 ms doubling to 1 s); an entry that would
 * overflow the queue or waited more than 5 s is dropped with everything queued before it (the {@code n} values stay
 * consumed, so receivers see the hole).
 */
public final class RelayPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayPublisher.class);
    public static final String STREAM = "filament:events";
    static final int CAPACITY = 65_536;
    static final int BATCH = 256;
    static final int MAX_PAYLOAD_BYTES = 65_536;
    static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long MAX_AGE_MILLIS = TimeUnit.MINUTES.toMillis(10);
    static final long MAX_LEN = 20_000;

    private record Pending(long n, long ts, long queuedNanos, RelayEntry entry) {
    }

    private final RedisAccess access;
    private final ClusterTelemetry telemetry;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final Thread writer;
    private long sequence;
    private volatile boolean running = true;
    private volatile boolean draining;

    public RelayPublisher(RedisAccess access, ClusterTelemetry telemetry) {
        this.access = access;
        this.telemetry = telemetry;
        telemetry.bindRelayQueueDepth(this::depth);
        this.writer = Thread.ofPlatform().daemon().name("relay-publisher").unstarted(this::loop);
    }

    public void start() {
        writer.start();
    }

    /** Queues one entry for every other node. Never blocks on Redis; never throws. */
    public void offer(RelayEntry entry) {
        if (entry instanceof RelayEntry.Event e
                && e.event().payloadJson().getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            telemetry.relayOversized(); // every receiving connection would drop it (9.3)
            return;
        }
        int dropped = 0;
        synchronized (queue) {
            long n = ++sequence;
            if (queue.size() >= CAPACITY) {
                dropped = queue.size() + 1;
                queue.clear();
            } else {
                queue.addLast(new Pending(n, System.currentTimeMillis(), System.nanoTime(), entry));
            }
        }
        if (dropped > 0) {
            gap("publisher_overflow", dropped);
        }
        LockSupport.unpark(writer);
    }

    long depth() {
        synchronized (queue) {
            return queue.size();
        }
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(BATCH);
        long backoff = 50;
        while (running) {
            if (batch.isEmpty()) {
                take(batch);
            }
            if (batch.isEmpty()) {
                if (draining) {
                    return;
                }
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(50));
                continue;
            }
            if (System.nanoTime() - batch.getFirst().queuedNanos() > MAX_WAIT_NANOS) {
                int dropped = batch.size();
                batch.clear();
                synchronized (queue) {
                    dropped += queue.size();
                    queue.clear();
                }
                gap("publisher_timeout", dropped);
                continue;
            }
            if (append(batch)) {
                telemetry.relayed("published", batch.size());
                batch.clear();
                backoff = 50;
            } else {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(backoff));
                backoff = Math.min(1_000, backoff * 2);
            }
        }
    }

    private void take(List<Pending> batch) {
        synchronized (queue) {
            while (batch.size() < BATCH && !queue.isEmpty()) {
                batch.add(queue.pollFirst());
            }
        }
    }

    private boolean append(List<Pending> batch) {
        String minId = Long.toString(System.currentTimeMillis() - MAX_AGE_MILLIS);
        return access.pipeline(RedisBound.BACKGROUND, "relay_publish", c -> {
            List<RedisFuture<?>> futures = new ArrayList<>(batch.size() + 1);
            for (Pending p : batch) {
                futures.add(c.xadd(STREAM, XAddArgs.Builder.minId(minId).approximateTrimming(), fields(p)));
            }
            futures.add(c.xtrim(STREAM, XTrimArgs.Builder.maxlen(MAX_LEN).approximateTrimming()));
            return futures;
        });
    }

    private Map<String, String> fields(Pending p) {
        Map<String, String> fields = new HashMap<>(p.entry().fields());
        fields.put("o", access.instance());
        fields.put("n", Long.toString(p.n()));
        fields.put("ts", Long.toString(p.ts()));
        return fields;
    }

    private static void gap(String reason, int dropped) {
        LOG.atWarn().addKeyValue("event", "relay.gap").addKeyValue("reason", reason)
                .addKeyValue("dropped_entries", dropped).log("relay entries dropped before publishing");
    }

    /** Appends what is queued (at most 2 s more; the shutdown's own offline entries among it), then stops. */
    @Override
    public void close() {
        draining = true;
        LockSupport.unpark(writer);
        try {
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
        LockSupport.unpark(writer);
    }
}
